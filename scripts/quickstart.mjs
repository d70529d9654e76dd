// One command from a fresh clone: installs pnpm if missing, installs dependencies, builds, starts.
// Usage: npm run quickstart   (environment: BATON_PORT, BATON_HOST, BATON_DATA_DIR, …)
import { execSync, spawn } from 'node:child_process';

const env = { ...process.env, CI: 'true', npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' };
const run = (cmd) => execSync(cmd, { stdio: 'inherit', env });

let pnpmMajor = '';
try {
  pnpmMajor = execSync('pnpm -v', { env, encoding: 'utf8' }).trim().split('.')[0];
} catch {
  /* not installed */
}
if (pnpmMajor !== '10') {
  console.log('Installing pnpm 10.34.9 …');
  try {
    run('npm i -g pnpm@10.34.9');
  } catch {
    // No write access to the global prefix: install into a user prefix instead.
    run('npm i -g --prefix "$HOME/.local" pnpm@10.34.9');
    env.PATH = `${process.env.HOME}/.local/bin:${env.PATH}`;
  }
}
run('pnpm install --frozen-lockfile');
run('pnpm build');
const child = spawn('pnpm', ['start'], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
