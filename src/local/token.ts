import { parseArgs } from 'node:util';
import { issueDevToken, loadOrCreateDevKey } from '../auth/devIssuer.js';
import { viewerFromClaims } from '../auth/claims.js';
import { dataDir } from './environment.js';

/**
 * `npm run token -- --role organizer --user alice --name 张三 [--role judge] [--expires 12h]`
 * prints a token, alone on the last line, that `npm start` accepts for the same $DATA_DIR.
 */
const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true, default: ['viewer'] },
    user: { type: 'string', default: 'demo-user' },
    name: { type: 'string' },
    expires: { type: 'string', default: '7d' },
  },
});

const roles = values.role.flatMap((r) => r.split(',')).map((r) => r.trim());
// Validate as the server would, so a typo fails here rather than at the first request.
const viewer = viewerFromClaims({ sub: values.user, name: values.name ?? values.user, roles });
const keys = await loadOrCreateDevKey(dataDir());
console.log(await issueDevToken(keys.privateJwk, { sub: viewer.id, name: viewer.name, roles: viewer.roles, expiresIn: values.expires }));
