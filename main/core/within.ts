/**
 * `answer`'s value if it settles within `ms`, else null: a counter screen asks central for a figure and goes on
 * without it rather than hang. The timer is cleared once either side wins and never holds the process open.
 */
export const within = async <T>(answer: Promise<T>, ms: number): Promise<T | null> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    timer.unref();
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
};
