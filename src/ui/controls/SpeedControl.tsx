/**
 * The message speed: ONE control for the picture and for delivery. A slider (accessible name
 * `message speed`, value text `slow motion` … `instant`) whose minimum is the slowest speed;
 * moving it sets how long a token travels AND how long the message really takes to arrive
 * (`delivery.onSpeed`: the runtime's local delivery delay and the links' message speed, on
 * every node when the cluster view is on). `instant` is the real network: no token, no delay.
 */
import { useEffect } from 'react';
import { usePlayground, usePlaygroundStoreApi } from '../store/context.tsx';
import { SPEED_DURATION_MS, SPEEDS, type Speed } from '../store/model.ts';
import type { DeliveryControls } from './types.ts';

// Slider runs slow → fast, so "more" means faster, and its minimum is the slowest speed.
const SLIDER: readonly Speed[] = [...SPEEDS].reverse();

export function SpeedControl({ delivery, clusterView = false }: { delivery: DeliveryControls; clusterView?: boolean }) {
  const store = usePlaygroundStoreApi();
  const speed = usePlayground((s) => s.speed);
  const onSpeed = delivery.onSpeed;
  const ms = SPEED_DURATION_MS[speed];
  // Delivery follows the picture, from the first render on (a store may start slow), and again
  // when the cluster view comes on (then it acts on every node). `clusterView` turns true once
  // the view follows the cluster (its bridge loads on demand), so the speed set before reaches
  // every node; the timeout lets the parent's effects of the same commit run first.
  useEffect(() => {
    if (onSpeed === undefined) return undefined;
    const t = setTimeout(() => onSpeed(ms), 0);
    return () => clearTimeout(t);
  }, [onSpeed, ms, clusterView]);
  return (
    <label className="flex items-center gap-3" title="How long a message takes from its sender to its receiver: tokens and delivery alike">
      <span className="font-semibold">Message speed</span>
      <input
        type="range"
        aria-label="message speed"
        min={0}
        max={SLIDER.length - 1}
        step={1}
        value={SLIDER.indexOf(speed)}
        aria-valuetext={speed}
        onChange={(e) => store.getState().setSpeed(SLIDER[Number(e.target.value)] ?? 'instant')}
        className="w-40 accent-sky-600"
      />
      <output className="w-[17ch] whitespace-nowrap font-mono">{speed === 'instant' ? 'instant' : `${speed} (${ms / 1000} s)`}</output>
    </label>
  );
}
