package io.valora.deploy;

import java.time.Duration;

/**
 * What every component of the local stack shares once its OS process is up: the child process
 * and how long it took to become ready. Subclasses add how they start, check readiness and stop.
 */
public abstract class StartedProcess implements Component {

    protected final ChildProcess process;
    private final Duration startupTime;

    protected StartedProcess(ChildProcess process, Duration startupTime) {
        this.process = process;
        this.startupTime = startupTime;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public Duration startupTime() {
        return startupTime;
    }

    @Override
    public long rssBytes() {
        return process.rssBytes();
    }

    public boolean isAlive() {
        return process.isAlive();
    }
}
