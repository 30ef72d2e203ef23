package io.github.ndfilters.command;

import java.awt.GraphicsEnvironment;
import java.util.concurrent.CancellationException;

import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

import ij.IJ;
import ij.ImagePlus;
import ij.macro.Interpreter;
import io.github.ndfilters.core.FilterMonitor;

/**
 * What the n-D filter commands share: progress in the status bar, Esc and
 * cancel handling, and errors that reach the user as a message, never as a
 * stack trace.
 * <p>
 * A subclass does its work in {@link #execute}. A bad value ends the command
 * without a result: the message goes to the log and becomes the cancel
 * reason, which Fiji shows in a dialog. When a macro or a headless session
 * runs the command, the reason is left empty instead, because a modal dialog
 * would stall a batch run that nobody watches; the log still has the message.
 * </p>
 */
public abstract class AbstractNdCommand extends ContextCommand
{
	@Parameter( required = false )
	private LogService log;

	@Parameter( required = false )
	private StatusService status;

	/** One step of work that may report progress and be canceled. */
	protected interface Work
	{
		void run( FilterMonitor monitor );
	}

	/** @return the command's name as the menu shows it, for messages */
	protected abstract String label();

	/**
	 * Runs the work, turning bad input, cancellation and lack of memory into
	 * a canceled command with a message.
	 */
	protected final void execute( final Work work )
	{
		if ( isCanceled() )
			return;
		final CommandMonitor monitor = new CommandMonitor( this, status, log, label() );
		try
		{
			work.run( monitor );
		}
		catch ( final IllegalArgumentException e )
		{
			fail( e.getMessage() );
		}
		catch ( final CancellationException e )
		{
			if ( log != null )
				log.info( label() + " was canceled; no result was made." );
			if ( !isCanceled() )
				cancel( "" );
		}
		catch ( final OutOfMemoryError e )
		{
			fail( "There is not enough memory for this result. Use output type 'input', a"
					+ " smaller image or a smaller kernel, or give ImageJ more memory"
					+ " (Edit > Options > Memory & Threads)." );
		}
		finally
		{
			monitor.finish();
		}
	}

	/** @return the image, or an error saying how to give one */
	protected final ImagePlus require( final ImagePlus image )
	{
		// NB: with no image given, SciJava may fill the field with an empty new ImagePlus.
		if ( image == null || image.getWidth() == 0 || image.getHeight() == 0 )
			throw new IllegalArgumentException( "There is no image to filter. Open an image"
					+ " first, or name one with image=<title>." );
		return image;
	}

	/** Logs an error and ends the command without a result. */
	protected final void fail( final String message )
	{
		if ( log != null )
			log.error( label() + ": " + message );
		// NB: an empty reason still cancels, but Fiji shows no dialog for it.
		cancel( personAtScreen() ? message : "" );
	}

	protected final LogService log()
	{
		return log;
	}

	/** @return whether a dialog would reach someone, rather than stall a macro */
	private static boolean personAtScreen()
	{
		return !GraphicsEnvironment.isHeadless() && !IJ.isMacro()
				&& !Interpreter.isBatchMode();
	}
}
