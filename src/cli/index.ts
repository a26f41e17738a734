export { runCli } from './main.js';
export type { CliIO } from './command.js';
