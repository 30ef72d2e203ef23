package io.github.ndfilters.ij1;

import ij.IJ;
import io.github.ndfilters.core.FilterMonitor;

/**
 * A {@link FilterMonitor} for ImageJ 1.x: progress goes to ImageJ's progress
 * bar, Esc cancels, and warnings go to the log, which never blocks a macro.
 */
public final class ImageJMonitor implements FilterMonitor
{
	private final String task;

	private volatile long lastShown;

	/**
	 * Clears an earlier Esc so that only a key press during this task cancels
	 * it.
	 *
	 * @param task
	 *            what the status bar shows while the work runs
	 */
	public ImageJMonitor( final String task )
	{
		this.task = task;
		IJ.resetEscape();
	}

	@Override
	public void progress( final double fraction )
	{
		// NB: worker threads report often; ImageJ's bar needs no more than a few updates a second.
		final long now = System.currentTimeMillis();
		if ( fraction < 1 && now - lastShown < 100 )
			return;
		lastShown = now;
		IJ.showStatus( task + " (" + Math.round( 100 * fraction ) + "%, Esc cancels)" );
		IJ.showProgress( fraction );
	}

	@Override
	public boolean isCanceled()
	{
		return IJ.escapePressed();
	}

	@Override
	public void warn( final String message )
	{
		IJ.log( task + ": " + message );
	}

	/** Clears the progress bar and status line. */
	public void done()
	{
		IJ.showProgress( 1.0 );
		IJ.showStatus( "" );
	}
}
