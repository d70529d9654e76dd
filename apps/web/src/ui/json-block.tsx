import { Fragment, type ReactNode } from 'react';
import './json-block.css';

export interface JsonBlockProps {
  title: string;
  value: unknown;
}

/** Read-only, lightly highlighted JSON for traces: cheaper than a Monaco instance per step. */
export function JsonBlock({ title, value }: JsonBlockProps) {
  const text = value === undefined ? '—' : JSON.stringify(value, null, 2);
  return (
    <section className="json-block" aria-label={title}>
      <div className="json-block-title">{title}</div>
      <pre>{highlight(text)}</pre>
    </section>
  );
}

const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

function highlight(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let i = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    if (start > last) out.push(<Fragment key={i++}>{text.slice(last, start)}</Fragment>);
    const [whole, str, colon, literal, number] = match;
    if (str !== undefined && colon !== undefined) {
      out.push(
        <Fragment key={i++}>
          <span className="json-key">{str}</span>
          {colon}
        </Fragment>,
      );
    } else if (str !== undefined) {
      const masked = /^"\*+"$|^"\[masked\]"$/i.test(str);
      out.push(
        <span key={i++} className={masked ? 'json-masked' : 'json-string'}>
          {str}
        </span>,
      );
    } else if (literal !== undefined) {
      out.push(
        <span key={i++} className="json-literal">
          {literal}
        </span>,
      );
    } else if (number !== undefined) {
      out.push(
        <span key={i++} className="json-number">
          {number}
        </span>,
      );
    }
    last = start + whole.length;
  }
  if (last < text.length) out.push(<Fragment key={i++}>{text.slice(last)}</Fragment>);
  return out;
}
