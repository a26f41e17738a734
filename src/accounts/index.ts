export * from './model.js';
export type * from './ports.js';
export { hashPassword, verifyPassword, passwordProblem } from './passwords.js';
export { newSecret, hashSecret } from './tokens.js';
export {
  addUser, userWithEmail, createApiToken, listApiTokens, revokeApiToken, renewApiToken, disableUser, enableUser, removeUser,
  type AccountContext, type AddUserInput,
} from './commands.js';
