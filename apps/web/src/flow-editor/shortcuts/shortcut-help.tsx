import { Dialog } from '../../ui/dialog';
import { SHORTCUTS } from './shortcut-list';
import './shortcut-help.css';

/** The `?` overlay: every shortcut, grouped; Escape or the button closes it. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      description="Everything on the canvas can be done without a mouse. Ctrl means Cmd on a Mac."
      onClose={onClose}
      width={640}
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="shortcut-groups">
        {SHORTCUTS.map((group) => (
          <section key={group.group} aria-label={group.group}>
            <h3>{group.group}</h3>
            <dl className="shortcut-list">
              {group.items.map((item) => (
                <div key={item.action} className="shortcut-row">
                  <dt>
                    {item.keys.map((key, i) => (
                      <span key={`${key}-${i}`}>
                        {i > 0 ? <span aria-hidden="true">+</span> : null}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{item.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
