import { ConcurrencyError } from '#libs/event-store';

/** Another proposal reserved the same mentor first: re-read and decide again (bounded). */
export class ReservationConflict extends Error {}

export async function retryOnReservationConflict<T>(attempt: () => Promise<T>, attempts = 25): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ReservationConflict) || i >= attempts) throw error instanceof ReservationConflict ? error.cause : error;
      await new Promise((r) => setTimeout(r, Math.random() * 2 * i));
    }
  }
}

export const isMentorStreamConflict = (e: unknown): e is ConcurrencyError =>
  e instanceof ConcurrencyError && e.streamId.startsWith('mentor-');
