package io.github.ndfilters.command;

import org.scijava.Cancelable;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;

import ij.IJ;
import io.github.ndfilters.core.FilterMonitor;

/**
 * Connects a running filter to SciJava: progress goes to the status bar,
 * warnings to the log, and the filter stops once the command is canceled, its
 * thread is interrupted or the user presses Esc in ImageJ.
 */
final class CommandMonitor implements FilterMonitor
{
	/** Progress steps; finer steps would only flood the status bar with events. */
	private static final int STEPS = 100;

	private final Cancelable command;

	private final StatusService status;

	private final LogService log;

	private final String title;

	private int lastStep = -1;

	/**
	 * @param status
	 *            may be {@code null}, then progress is not shown
	 * @param log
	 *            may be {@code null}, then warnings are dropped
	 */
	CommandMonitor( final Cancelable command, final StatusService status, final LogService log,
			final String title )
	{
		this.command = command;
		this.status = status;
		this.log = log;
		this.title = title;
		// NB: an Esc pressed before this run must not stop it.
		IJ.resetEscape();
	}

	@Override
	public void progress( final double fraction )
	{
		if ( status == null )
			return;
		final int step = ( int ) Math.round( Math.max( 0, Math.min( 1, fraction ) ) * STEPS );
		// NB: the status is sent inside the lock, or two workers could send
		// steps 5 and 4 in that order and the bar would go back.
		synchronized ( this )
		{
			if ( step <= lastStep )
				return;
			lastStep = step;
			status.showStatus( step, STEPS, title );
		}
	}

	@Override
	public boolean isCanceled()
	{
		return command.isCanceled() || Thread.currentThread().isInterrupted()
				|| IJ.escapePressed();
	}

	@Override
	public void warn( final String message )
	{
		if ( log != null )
			log.warn( title + ": " + message );
	}

	/** Clears the progress bar. */
	void finish()
	{
		if ( status != null )
			status.clearStatus();
	}
}
