// Gets the Okta API token from OKTA_API_TOKEN or --token-file, never from the command line (it would show in `ps`).
import fs from 'node:fs';
import { EXIT, CliError, usageError } from './cliErrors';

export function readApiToken(tokenFile: string | undefined, env: NodeJS.ProcessEnv): string {
  if (tokenFile !== undefined) {
    let content: string;
    try {
      content = fs.readFileSync(tokenFile, 'utf8');
    } catch (error) {
      throw new CliError(`cannot read the token file ${tokenFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Check the path.`, EXIT.usage);
    }
    const token = content.trim();
    if (token === '') throw usageError(`the token file ${tokenFile} is empty: put the Okta API token in it (one line)`);
    if (/\s/.test(token)) throw usageError(`the token file ${tokenFile} holds more than one word: it must contain only the API token`);
    return token;
  }
  const fromEnv = env.OKTA_API_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  throw usageError(
    'no Okta API token: set the environment variable OKTA_API_TOKEN or pass --token-file FILE (the token is never taken as an argument, where other users could see it)',
  );
}
