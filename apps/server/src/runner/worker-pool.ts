/**
 * A bounded pool of in-process workers over a FIFO queue. `size` is how many jobs run at once
 * (runs wait on targets: HTTP, PostgreSQL); `depth` counts queued plus running jobs, which is
 * what back-pressure compares with its limit.
 */
export class WorkerPool<J> {
  private readonly queue: J[] = [];
  private running = 0;

  constructor(
    private readonly concurrency: number,
    private readonly work: (job: J) => Promise<void>,
    private readonly onError: (error: unknown, job: J) => void,
  ) {}

  get depth(): number {
    return this.queue.length + this.running;
  }

  push(job: J): void {
    this.queue.push(job);
    this.pump();
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running++;
      this.work(job)
        .catch((error: unknown) => this.onError(error, job))
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }
}
