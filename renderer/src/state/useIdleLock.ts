import { useEffect, useRef } from 'react';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'focusin'] as const;

/** Locks after `minutes` without keyboard or pointer activity in the window. */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });
  useEffect(() => {
    let timer = 0;
    const arm = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => onIdleRef.current(), minutes * 60_000);
    };
    arm();
    for (const name of ACTIVITY) window.addEventListener(name, arm, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, arm);
    };
  }, [minutes]);
}
