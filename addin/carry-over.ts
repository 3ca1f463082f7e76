/** Moved to shared/ so every host that inserts the annexes again keeps typed values the same way. */
export * from '../shared/layout/carry-over';
