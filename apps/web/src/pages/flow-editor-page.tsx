import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { flowsApi } from '../api/flows-api';
import { isApiError } from '../api/api-error';
import type { FlowDetail } from '../api/api-types';
import type { FlowSource } from '@baton/schema';
import { EditorStoreProvider } from '../flow-editor/store/editor-store-context';
import { FlowEditor } from '../flow-editor/flow-editor';
import { EmptyState, ErrorState, Spinner } from '../ui/state-views';
import { useAsync } from '../ui/use-async';

export function FlowEditorPage() {
  const { id = '' } = useParams();
  const loaded = useAsync(
    async (signal) => {
      const [flow, draft] = await Promise.all([flowsApi.get(id, signal), flowsApi.getDraft(id, signal)]);
      return { flow, draft };
    },
    [id],
  );
  const [flowOverride, setFlowOverride] = useState<FlowDetail | null>(null);

  const onPublished = useCallback(() => {
    // The badge in the toolbar follows the server's view of the flow.
    flowsApi.get(id).then(setFlowOverride, () => undefined);
  }, [id]);

  if (loaded.status === 'error') {
    const notFound = isApiError(loaded.error) && loaded.error.status === 404;
    return notFound ? (
      <EmptyState
        icon="?"
        title="Flow not found"
        actions={
          <Link className="btn" to="/">
            Back to flows
          </Link>
        }
      >
        There is no flow with id <code>{id}</code>.
      </EmptyState>
    ) : (
      <ErrorState
        title="Could not open this flow"
        error={loaded.error}
        onRetry={loaded.reload}
        actions={
          <Link className="btn" to="/">
            Back to flows
          </Link>
        }
      />
    );
  }
  if (!loaded.data || loaded.status === 'loading') {
    return (
      <div className="state-view" aria-busy="true">
        <Spinner label="Loading the flow" />
        <span>Loading the flow…</span>
      </div>
    );
  }
  const flow = flowOverride?.id === id ? flowOverride : loaded.data.flow;
  return (
    <EditorStoreProvider key={id} flowId={id} initialSource={withDefaults(loaded.data.draft)}>
      <FlowEditor flow={flow} onPublished={onPublished} />
    </EditorStoreProvider>
  );
}

/** A draft saved by an older client may lack layout or meta; the editor needs both. */
function withDefaults(draft: FlowSource): FlowSource {
  return {
    ...draft,
    nodes: draft.nodes ?? [],
    edges: draft.edges ?? [],
    layout: { ...draft.layout, nodes: draft.layout?.nodes ?? {} },
    meta: draft.meta ?? {},
  };
}
