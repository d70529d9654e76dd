import { useState } from 'react';
import { useCurrentUser } from '../auth/session-store';
import { ErrorState, EmptyState, Skeleton } from '../ui/state-views';
import { useAsync } from '../ui/use-async';
import { ConnectionForm } from './connection-form';
import { connectionsApi, type Connection } from './connections-api';
import './connections.css';

function summary(c: Connection): string {
  const config = c.config as Record<string, string | number | undefined>;
  switch (c.kind) {
    case 'sqlite-embedded':
    case 'jsonl-file':
      return String(config.file);
    case 'postgres':
      return `${String(config.user)}@${String(config.host)}:${String(config.port)}/${String(config.database)} · ${String(config.schema)}`;
    case 'http':
      return `${String(config.method)} ${String(config.url)}`;
  }
}

const KIND_LABELS: Record<Connection['kind'], string> = {
  'sqlite-embedded': 'Embedded SQLite',
  'jsonl-file': 'JSON Lines file',
  postgres: 'PostgreSQL',
  http: 'HTTP',
};

/**
 * Named downstream connections that write nodes target (`connection` in the write config);
 * `downstream` is built in. Admins manage them; credentials are stored encrypted and never shown.
 */
export function ConnectionsPage() {
  const user = useCurrentUser();
  const admin = user.role === 'admin';
  const list = useAsync((signal) => connectionsApi.list(signal), []);
  const [editing, setEditing] = useState<Connection | 'new' | null>(null);
  const [tests, setTests] = useState<Record<string, { ok: boolean; message: string } | 'running'>>({});

  const test = async (name: string) => {
    setTests((t) => ({ ...t, [name]: 'running' }));
    const result = await connectionsApi.test(name).catch((e: unknown) => ({ ok: false, message: String(e) }));
    setTests((t) => ({ ...t, [name]: result }));
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Connections</h1>
          <p>
            Where write nodes deliver records: PostgreSQL tables, HTTP endpoints (with retries and a circuit
            breaker) and embedded SQLite files. <code>downstream</code> is the built-in embedded database.
          </p>
        </div>
        {admin && editing === null ? (
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            New connection
          </button>
        ) : null}
      </header>
      {editing !== null ? (
        <section className="card">
          <ConnectionForm
            connection={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSave={async (name, input) => {
              await connectionsApi.put(name, input);
              setEditing(null);
              list.reload();
            }}
          />
        </section>
      ) : null}
      {list.status === 'error' && !list.data ? (
        <div className="card">
          <ErrorState title="Could not load connections" error={list.error} onRetry={list.reload} />
        </div>
      ) : !list.data ? (
        <div className="card">
          <Skeleton height={100} />
        </div>
      ) : list.data.length === 0 ? (
        <div className="card">
          <EmptyState icon="⇄" title="No connections yet">
            Write nodes use the built-in <code>downstream</code> database until you add one.
          </EmptyState>
        </div>
      ) : (
        <section className="card" aria-label="Connections">
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Kind</th>
                <th>Target</th>
                <th>Credentials</th>
                <th>Circuit</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => {
                const result = tests[c.name];
                return (
                  <tr key={c.name}>
                    <td className="mono">{c.name}</td>
                    <td>{KIND_LABELS[c.kind]}</td>
                    <td className="mono connection-target">{summary(c)}</td>
                    <td>{c.hasSecret ? 'encrypted' : '—'}</td>
                    <td>
                      {c.breaker ? <span className={`breaker breaker-${c.breaker}`}>{c.breaker}</span> : '—'}
                    </td>
                    <td className="connection-actions">
                      {admin ? (
                        <>
                          <button
                            type="button"
                            className="btn btn-sm"
                            onClick={() => void test(c.name)}
                            disabled={result === 'running'}
                          >
                            Test
                          </button>
                          <button type="button" className="btn btn-sm" onClick={() => setEditing(c)}>
                            Edit
                          </button>
                          <button
                            type="button"
                            className="btn btn-sm"
                            onClick={() => {
                              if (
                                window.confirm(
                                  `Delete connection ${c.name}? Write nodes naming it will fail.`,
                                )
                              ) {
                                void connectionsApi.remove(c.name).then(list.reload);
                              }
                            }}
                          >
                            Delete
                          </button>
                        </>
                      ) : null}
                      {result && result !== 'running' ? (
                        <span className={result.ok ? 'connection-ok' : 'form-error'} role="status">
                          {result.message}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
