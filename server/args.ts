/** Command-line flags of `npm start`: --host and --port, as `vite` takes them. */
export interface ServerArgs {
  host: string;
  port: number;
}

export function parseServerArgs(argv: readonly string[]): ServerArgs {
  const args: ServerArgs = { host: 'localhost', port: 5173 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--host' || flag === '--port') && value === undefined) {
      throw new Error(`${flag} needs a value`);
    }
    if (flag === '--host') {
      args.host = value as string;
      i++;
    } else if (flag === '--port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port: ${value}`);
      args.port = port;
      i++;
    } else {
      throw new Error(`unknown flag: ${flag} (known: --host, --port)`);
    }
  }
  return args;
}
