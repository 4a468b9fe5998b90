/**
 * Text from feeds and pages is anyone's. C0 and C1 control characters (ESC sequences that clear
 * or retitle a terminal, BEL) are dropped from whatever is shown to a person, newline and tab
 * kept.
 */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** The text with C0/C1 control characters removed, newline and tab kept. */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, '');
}
