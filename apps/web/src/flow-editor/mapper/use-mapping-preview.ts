import { useEffect, useState } from 'react';
import type { MappingConfig } from '@baton/nodes';
import { previewMapping, type MappingPreview } from './mapping-preview';

/**
 * The preview of the current config on the sample, recomputed on every change. Results of an
 * older config that arrive late are dropped; until the new one lands the last one stays, so the
 * table does not flicker while typing.
 */
export function useMappingPreview(config: MappingConfig, sample: Record<string, unknown> | null) {
  const [preview, setPreview] = useState<MappingPreview | null>(null);
  const key = JSON.stringify([config, sample]);
  useEffect(() => {
    if (!sample) return;
    let current = true;
    void previewMapping(config, sample).then((next) => {
      if (current) setPreview(next);
    });
    return () => {
      current = false;
    };
    // `key` stands for config and sample: same content, same preview.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return sample ? preview : null;
}
