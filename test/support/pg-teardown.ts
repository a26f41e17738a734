import { dropTestDatabases, testEngine } from './database.js';

/** After a PostgreSQL run: the databases its data folders were given are dropped. */
export default function setup(): () => void {
  return () => {
    if (testEngine === 'postgres') dropTestDatabases();
  };
}
