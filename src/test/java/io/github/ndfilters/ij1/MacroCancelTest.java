package io.github.ndfilters.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;
import ij.macro.Interpreter;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.OutputSize;

/**
 * Esc during a long run of an ImageJ 1.x command stops it soon, leaves no
 * result and says so in the log; the next run works.
 */
public class MacroCancelTest
{
	@AfterEach
	public void closeImages()
	{
		MacroRun.closeAll();
		IJ.resetEscape();
	}

	/**
	 * A 17 x 17 x 17 kernel summed directly over 256 x 256 x 64 pixels is
	 * seconds of work. Esc is pressed every 50 ms once the run has begun (the command
	 * forgets an Esc from before it started), so the run must end within a
	 * few seconds of the first press.
	 */
	@Test
	public void escapeStopsALongRunWithoutAResultAndTheNextRunWorks() throws Exception
	{
		final ImagePlus big = Pixels.random( "big", 32, 256, 256, 1, 64, 1, 61 );
		MacroRun.open( big );
		final Object[] before = Pixels.snapshot( big );
		final int[] open = Interpreter.getBatchModeImageIDs();
		final AtomicBoolean running = new AtomicBoolean( true );
		final long[] firstPress = new long[ 1 ];
		final Thread esc = new Thread( () -> {
			try
			{
				Thread.sleep( 300 );
				firstPress[ 0 ] = System.nanoTime();
				while ( running.get() )
				{
					IJ.setKeyDown( KeyEvent.VK_ESCAPE );
					Thread.sleep( 50 );
				}
			}
			catch ( final InterruptedException e )
			{
				Thread.currentThread().interrupt();
			}
		} );
		esc.start();
		final MacroRun run;
		try
		{
			run = MacroRun.run( new Convolve_nD(),
					"image=big kernel=[box 17 17 17] method=direct" );
		}
		finally
		{
			running.set( false );
			esc.join();
		}
		final double seconds = ( System.nanoTime() - firstPress[ 0 ] ) * 1e-9;
		assertTrue( seconds < 4, "the run went on for " + seconds + " s after Esc" );
		assertTrue( run.log.contains( "Convolve (n-D) canceled; no result was made." ),
				run.log );
		assertSame( big, run.current );
		assertArrayEquals( open, Interpreter.getBatchModeImageIDs(), "an image was left" );
		Pixels.assertUnchanged( before, big );

		IJ.resetEscape();
		final ImagePlus small = Pixels.random( "small", 8, 9, 7, 1, 1, 1, 62 );
		MacroRun.open( small );
		final MacroRun next = MacroRun.run( new Convolve_nD(), "image=small kernel=[1 2\n3 4]" );
		assertNotSame( small, next.current, next.log );
		Pixels.assertClose( Pixels.expected( Pixels.channel( small, 1 ), Pixels.dims( small ),
				Kernel.of( new double[] { 1, 2, 3, 4 }, 2, 2 ), Boundary.SYMMETRIC, 0, true,
				OutputSize.SAME ).values, Pixels.channel( next.current, 1 ), 2550 );
	}
}
