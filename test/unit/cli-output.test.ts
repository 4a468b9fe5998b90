import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../cli/output.ts';
import { guardStream, stripControls } from '../../cli/terminal.ts';

describe('terminal output', () => {
  it('drops C0 and C1 control characters from page text, keeping newlines and tabs', () => {
    const hostile = 'Title\u001b]0;owned\u0007\u001b[2J\u009b31m here\tand\nthere\r';
    expect(stripControls(hostile)).toBe('Title]0;owned[2J31m here\tand\nthere');
  });

  it('guards every string a command writes to the stream', () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    }) as unknown as NodeJS.WriteStream;
    guardStream(sink);
    guardStream(sink); // installing twice filters once
    sink.write('alert: \u001b[31mred\u001b[0m figure\n');
    expect(chunks.join('')).toBe('alert: [31mred[0m figure\n');
  });
});

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","x")', `"'=HYPERLINK(""https://evil.example"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('neutralises a cell that a spreadsheet would run: %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('leaves ordinary text and numbers as they are', () => {
    expect(csvCell('North Korean troops')).toBe('North Korean troops');
    expect(csvCell(3000)).toBe('3000');
    expect(csvCell(['a', 'b'])).toBe('a; b');
    expect(csvCell(null)).toBe('');
  });
});
