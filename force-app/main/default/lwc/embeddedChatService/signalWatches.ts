/**
 * Waits for the chat client's signals: an action that needs to know when the widget shows its
 * outcome (a start), or when the client has loaded its stored session, watches for the first
 * signal that passes its filter.
 */
import type { ChatSignal } from './chatClient';

/** A wait for the first signal that passes a filter. */
export interface SignalWatch {
    /** Resolves at that signal; never rejects. */
    promise: Promise<void>;
    /** Stops waiting (the promise then never resolves). */
    stop(): void;
}

export class SignalWatches {
    private readonly watchers = new Set<(signal: ChatSignal) => void>();

    watch(filter: (signal: ChatSignal) => boolean): SignalWatch {
        let watcher: (signal: ChatSignal) => void = () => undefined;
        const promise = new Promise<void>((resolve) => {
            watcher = (signal) => {
                if (filter(signal)) {
                    this.watchers.delete(watcher);
                    resolve();
                }
            };
        });
        this.watchers.add(watcher);
        return { promise, stop: () => this.watchers.delete(watcher) };
    }

    /** Passes one signal to every watch. */
    notify(signal: ChatSignal): void {
        for (const watcher of [...this.watchers]) {
            watcher(signal);
        }
    }
}

/** Signals that show the widget doing something (a start settles on the first one). */
export function showsWidget(signal: ChatSignal): boolean {
    return (
        signal.kind !== 'availability' &&
        signal.kind !== 'ready' &&
        signal.kind !== 'continued' &&
        signal.kind !== 'reset'
    );
}
