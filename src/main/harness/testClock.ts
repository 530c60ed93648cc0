// The harness's clock in test mode: time stands still until a test moves it (test.clock.*), but work
// that is already due (a 0 ms timer, such as the first inbox check after connecting) still runs at once.
import { ManualClock, type TimerHandle } from '../core/clock';

export class TestModeClock extends ManualClock {
  override setTimeout(fn: () => void, ms: number): TimerHandle {
    const handle = super.setTimeout(fn, ms);
    if (ms <= 0) setImmediate(() => this.advance(0));
    return handle;
  }
}
