import { spawn } from 'node:child_process';

/** A running moto_server (installed on these machines), standing in for AWS services with no local npm stand-in. */
export interface Moto {
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts moto_server on 127.0.0.1 on a port the OS picks, and waits until it serves. */
export function startMoto(): Promise<Moto> {
  return new Promise((resolve, reject) => {
    const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`moto_server did not start: ${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          endpoint: match[1],
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill();
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
