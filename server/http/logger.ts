/** Where the server writes; tests pass a silent or capturing one. */
export interface Logger {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  error: (message, err) => console.error(message, err ?? ''),
};

export const silentLogger: Logger = { info: () => {}, error: () => {} };
