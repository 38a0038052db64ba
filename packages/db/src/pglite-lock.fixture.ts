// Opened by pglite.test.ts in a second process: tries the data directory given as argument.
import { createDatabase, DataDirectoryLockedError } from './index';

const dataDir = process.argv[2] ?? '';
try {
  const database = await createDatabase({ dataDir });
  await database.close();
  console.log('opened');
} catch (error) {
  if (error instanceof DataDirectoryLockedError) {
    console.error(error.message);
    process.exit(3);
  }
  console.error(error);
  process.exit(1);
}
