package io.github.ndfilters.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scijava.Cancelable;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.event.EventSubscriber;
import org.scijava.log.LogLevel;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

import ij.ImagePlus;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.OutputSize;
import io.github.ndfilters.kernel.KernelText;

/**
 * A long run of a command shows progress in several distinct steps up to the end,
 * and stops soon after it is canceled, leaving no result; the next run works.
 */
class CommandCancelAndProgressTest extends ContextTestBase
{
	/** Collects the progress steps the status bar receives for one title. */
	public static final class ProgressSteps
	{
		final String title;

		final List< Integer > steps = new CopyOnWriteArrayList<>();

		ProgressSteps( final String title )
		{
			this.title = title;
		}

		@EventHandler
		public void onEvent( final StatusEvent e )
		{
			if ( title.equals( e.getStatusMessage() ) && e.getProgressMaximum() > 0 )
				steps.add( e.getProgressValue() );
		}

		/**
		 * @return the highest step after waiting, at most a few seconds, for
		 *         late events to bring {@code wanted}; the highest, not the last,
		 *         because events may arrive out of the order they were sent in
		 */
		int highest( final int wanted ) throws InterruptedException
		{
			for ( int i = 0; i < 100 && !steps.contains( wanted ); i++ )
				Thread.sleep( 50 );
			return steps.stream().mapToInt( Integer::intValue ).max().orElse( -1 );
		}
	}

	/** Held here because the event service holds subscribers only weakly. */
	private ProgressSteps listener;

	private List< EventSubscriber< ? > > subscribers;

	@AfterEach
	void unsubscribe()
	{
		if ( subscribers != null )
			context.service( EventService.class ).unsubscribe( subscribers );
		listener = null;
		subscribers = null;
	}

	private ProgressSteps listen( final String title )
	{
		listener = new ProgressSteps( title );
		subscribers = context.service( EventService.class ).subscribe( listener );
		return listener;
	}

	@Test
	void progressRisesInSeveralStepsToTheEnd() throws Exception
	{
		final ProgressSteps progress = listen( "Convolve (n-D)" );
		final ImagePlus stack = Pixels.floats( "stack", Pixels.values( 64 * 48 * 48 ), 64, 48,
				48 );
		final ImagePlus result = ( ImagePlus ) run( ConvolveCommand.class, "image", stack,
				"kernel", "box 3 3 3" ).getOutput( "result" );
		assertEquals( 48, result.getStackSize() );
		assertEquals( 100, progress.highest( 100 ), "progress reaches 100 of 100: "
				+ progress.steps );
		// NB: SciJava delivers status events asynchronously, so they may arrive out of
		// the order they were sent in; the core's MonitorTest checks that order.
		assertEquals( progress.steps.size(), new HashSet<>( progress.steps ).size(),
				"a step was sent twice: " + progress.steps );
		// NB: the engine reports once per slab of work, a few per worker thread.
		assertTrue( progress.steps.size() >= 3, "too few steps: " + progress.steps );
	}

	/**
	 * A 17 x 17 x 17 kernel summed directly over 256 x 256 x 64 pixels is
	 * about 20 billion multiply-adds, seconds of work; canceled a moment after
	 * it starts, the command ends within a few seconds (the engine polls
	 * between tiles of a few milliseconds), with no result.
	 */
	@Test
	void aCanceledRunStopsSoonLeavesNoResultAndTheNextRunWorks() throws Exception
	{
		final ProgressSteps progress = listen( "Convolve (n-D)" );
		final ImagePlus stack = Pixels.floats( "big", Pixels.values( 256 * 256 * 64 ), 256,
				256, 64 );
		final double[] before = Pixels.read( stack );
		final ModuleService modules = context.service( ModuleService.class );
		final Module module = modules.createModule( context.service( CommandService.class )
				.getCommand( ConvolveCommand.class ) );
		final Future< Module > running = modules.run( module, true, "image", stack, "kernel",
				"box 17 17 17", "method", "direct" );
		Thread.sleep( 300 );
		assertFalse( running.isDone(), "the run ended before it could be canceled" );
		final long canceledAt = System.nanoTime();
		( ( Cancelable ) module ).cancel( "test" );
		running.get( 60, TimeUnit.SECONDS );
		final double seconds = ( System.nanoTime() - canceledAt ) * 1e-9;
		assertTrue( seconds < 3, "the run went on for " + seconds + " s after the cancel" );
		assertNull( module.getOutput( "result" ) );
		assertTrue( logged( LogLevel.INFO ).contains( "was canceled; no result was made" ),
				logged( LogLevel.INFO ) );
		Thread.sleep( 300 );
		// NB: slabs already under way when the cancel came may still finish.
		assertTrue( progress.steps.isEmpty() || progress.steps.get( progress.steps.size()
				- 1 ) < 100, "the run was not cut short: " + progress.steps );
		assertArrayEquals( before, Pixels.read( stack ) );

		final ImagePlus small = Pixels.floats( "small", Pixels.values( 7 * 6 * 3 ), 7, 6, 3 );
		final Kernel k = KernelText.parse( "1 2\n0 -1\n\n3 1\n1 0.5" );
		final ImagePlus next = ( ImagePlus ) run( ConvolveCommand.class, "image", small,
				"kernel", "1 2\n0 -1\n\n3 1\n1 0.5" ).getOutput( "result" );
		final double[] expected = Pixels.expected( small, k, Boundary.SYMMETRIC, 0, true,
				OutputSize.SAME ).values;
		final double[] got = Pixels.read( next );
		for ( int i = 0; i < got.length; i++ )
			assertEquals( expected[ i ], got[ i ], 1e-5 * Pixels.scale( small, k ) );
	}
}
