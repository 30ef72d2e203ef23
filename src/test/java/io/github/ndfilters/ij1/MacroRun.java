package io.github.ndfilters.ij1;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.macro.Interpreter;

/**
 * Runs an ImageJ 1.x command as a batch-mode macro would, in this JVM: the
 * options are set for a thread named as ImageJ names macro threads, images are
 * "open" as batch-mode images, and the log (printed, as ImageJ does without a
 * log window) is captured.
 */
final class MacroRun
{
	/** What the log received. */
	final String log;

	/** The current image after the command. */
	final ImagePlus current;

	private MacroRun( final String log, final ImagePlus current )
	{
		this.log = log;
		this.current = current;
	}

	/** Opens images as a batch-mode macro would; the last becomes current. */
	static void open( final ImagePlus... images )
	{
		Interpreter.batchMode = true;
		for ( final ImagePlus image : images )
			image.show();
	}

	/** Closes every batch-mode image and leaves batch mode. */
	static void closeAll()
	{
		for ( final int id : Interpreter.getBatchModeImageIDs() )
			Interpreter.removeBatchModeImage( WindowManager.getImage( id ) );
		WindowManager.setTempCurrentImage( null );
		Interpreter.batchMode = false;
	}

	static MacroRun run( final NdFilterPlugIn command, final String options )
	{
		final PrintStream out = System.out;
		final ByteArrayOutputStream captured = new ByteArrayOutputStream();
		final AtomicReference< Throwable > failure = new AtomicReference<>();
		final AtomicReference< ImagePlus > current = new AtomicReference<>();
		final Thread thread = new Thread( () -> {
			Macro.setOptions( Thread.currentThread(), options );
			try
			{
				command.run( "" );
				// NB: ImageJ keeps the current image of a macro per thread.
				current.set( WindowManager.getCurrentImage() );
			}
			catch ( final Throwable t )
			{
				failure.set( t );
			}
			finally
			{
				Macro.setOptions( Thread.currentThread(), null );
			}
		}, "Run$_test" );
		System.setOut( new PrintStream( captured, true, StandardCharsets.UTF_8 ) );
		try
		{
			thread.start();
			thread.join( 60_000 );
		}
		catch ( final InterruptedException e )
		{
			Thread.currentThread().interrupt();
		}
		finally
		{
			System.setOut( out );
		}
		if ( thread.isAlive() )
			throw new AssertionError( "The command did not end within a minute." );
		if ( failure.get() != null )
			throw new AssertionError( "The command threw", failure.get() );
		return new MacroRun( captured.toString( StandardCharsets.UTF_8 ), current.get() );
	}
}
