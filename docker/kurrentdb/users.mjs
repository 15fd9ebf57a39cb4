// Progress goes to stderr (the linter keeps stdout for data); compose shows both in `logs`.
// The least-privileged KurrentDB user the api and the projector connect as, with the ACLs it needs.
// Run by docker/compose.yaml's one-shot `kurrentdb-users` job (the product's image, which has Node and
// the KurrentDB client) once KurrentDB is healthy, before the projector and the api start; it is
// idempotent and runs at every `up`. docker/README.md and docs/operations.md ("KurrentDB: the app's
// user") list the rights and why.
//
//   user     KURRENTDB_APP_USER (cpb-app), password KURRENTDB_APP_PASSWORD, in no group: not $admins,
//            not $ops.
//   streams  read and write every user stream (the product's streams have no common prefix, and
//            KurrentDB's ACLs have no prefixes: the default ACL for user streams is the narrowest fit),
//            its ledger `_cpb-ledger` included. No delete, no metadata read or write: the app cannot
//            delete a stream, truncate one ($tb) or shorten it ($maxCount/$maxAge), nor change an ACL.
//   $all     read (every read model and subscription follows $all), set in the metadata of $all.
//   system   nothing: $systemStreamAcl stays $admins only.
//
// As admin it: creates the user (or resets its password to docker/.env's), writes the default ACL to
// $settings and $all's ACL when they differ from the above, then checks as the app user that it can
// read $all and cannot read a stream's metadata. Any failure exits 1 and the api does not start.
import { writeFileSync } from 'node:fs';
import { BACKWARDS, END, jsonEvent, KurrentDBClient } from '@kurrent/kurrentdb-client';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const host = env('KURRENTDB_HOST', 'kurrentdb:2113');
const caFile = env('KURRENTDB_CA_FILE', '/run/kurrentdb-ca/ca.crt');
const adminPassword = env('KURRENTDB_ADMIN_PASSWORD');
const appUser = env('KURRENTDB_APP_USER', 'cpb-app');
const appPassword = env('KURRENTDB_APP_PASSWORD');
if (appUser === 'admin' || appUser === 'ops') throw new Error('KURRENTDB_APP_USER must not be a built-in user');

const admins = '$admins';
const userStreamAcl = {
  $r: [admins, appUser],
  $w: [admins, appUser],
  $d: [admins],
  $mr: [admins],
  $mw: [admins],
};
const defaultAcl = {
  $userStreamAcl: userStreamAcl,
  $systemStreamAcl: { $r: [admins], $w: [admins], $d: [admins], $mr: [admins], $mw: [admins] },
};
const allAcl = {
  readRoles: [admins, appUser],
  writeRoles: [admins],
  deleteRoles: [admins],
  metaReadRoles: [admins],
  metaWriteRoles: [admins],
};

const url = (user, password) =>
  `kurrentdb://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}?tls=true&tlsCAFile=${caFile}`;
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// 1. The user, over KurrentDB's HTTP users API (NODE_EXTRA_CA_CERTS makes fetch trust the authority).
const basic = `Basic ${Buffer.from(`admin:${adminPassword}`).toString('base64')}`;
const post = (path, body) =>
  fetch(`https://${host}${path}`, {
    method: 'POST',
    headers: { authorization: basic, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
let response = await post('/users/', {
  loginName: appUser,
  fullName: 'Corporate Parenting Board (api and projector)',
  groups: [],
  password: appPassword,
});
if (response.status === 409) {
  // It exists: make its password docker/.env's (the operator changes it there).
  response = await post(`/users/${encodeURIComponent(appUser)}/command/reset-password`, { newPassword: appPassword });
}
if (!response.ok) throw new Error(`KurrentDB users API: ${response.status} ${response.statusText}`);

// 2. The ACLs, as admin.
const admin = KurrentDBClient.connectionString(url('admin', adminPassword));
try {
  let current;
  try {
    for await (const resolved of admin.readStream('$settings', {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    })) {
      current = resolved.event?.data;
    }
  } catch (error) {
    if (error?.type !== 'stream-not-found' && error?.name !== 'StreamNotFoundError') throw error;
  }
  if (!same(current, defaultAcl)) {
    await admin.appendToStream('$settings', jsonEvent({ type: 'update-default-acl', data: defaultAcl }));
    console.error('kurrentdb-users: default ACL written to $settings');
  }
  const { metadata } = await admin.getStreamMetadata('$all');
  if (!same(metadata?.acl, allAcl)) {
    await admin.setStreamMetadata('$all', { ...(metadata ?? {}), acl: allAcl });
    console.error('kurrentdb-users: ACL of $all written');
  }
} finally {
  await admin.dispose();
}

// 3. Checked as the app user: it reads $all, and is refused a stream's metadata (so it is no admin).
const app = KurrentDBClient.connectionString(url(appUser, appPassword));
try {
  for await (const _ of app.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) void _;
  let refused = false;
  try {
    await app.getStreamMetadata('_cpb-ledger');
  } catch (error) {
    refused = error?.type === 'access-denied';
    if (!refused) throw error;
  }
  if (!refused) throw new Error(`${appUser} could read stream metadata: it has more rights than it should`);
} finally {
  await app.dispose();
}
writeFileSync('/tmp/kurrentdb-users.done', new Date().toISOString());
console.error(`kurrentdb-users: ${appUser} reads and writes user streams and reads $all; nothing more`);
