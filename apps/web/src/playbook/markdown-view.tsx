import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

/**
 * Markdown rendered to HTML and sanitised: runbooks are written by any editor of the playbook,
 * so their HTML is untrusted (no scripts, no event handlers, no javascript: links).
 */
export function MarkdownView({ source, label }: { source: string; label: string }) {
  const html = useMemo(() => DOMPurify.sanitize(marked.parse(source, { async: false, gfm: true })), [source]);
  return <article className="markdown-body" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
