package io.github.ndfilters.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.CompositeImage;
import ij.ImagePlus;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.FilterMonitor;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.LinearFilter;

/**
 * The display range {@link RangeRecorder} gathers from the rows a filter
 * stores: the smallest and largest sample, as a plain loop over the samples
 * finds them, whatever the rows' offsets, lengths and threads; and no range
 * at all when a NaN, an infinity or a missing row calls for a full scan.
 */
public class RangeRecorderTest
{
	@Test
	public void rowsOfAnyOffsetLengthAndThreadGiveTheRangeOfAllSamples()
		throws InterruptedException
	{
		final Random random = new Random( 5 );
		final RangeRecorder recorder = new RangeRecorder( FilterMonitor.NONE );
		final float[] plane = new float[ 20000 ];
		for ( int i = 0; i < plane.length; i++ )
			plane[ i ] = ( float ) ( random.nextGaussian() * 50 );
		plane[ 12345 ] = -900.5f;
		plane[ 19999 ] = 700.25f;
		// Rows of 1 to 4999 samples at every kind of offset, a row longer than the lanes among
		// them, fed half by this thread and half by another.
		final List< int[] > rows = new ArrayList<>();
		for ( int from = 0; from < plane.length; )
		{
			final int length = Math.min( plane.length - from, 1 + random.nextInt( 4999 ) );
			rows.add( new int[] { from, length } );
			from += length;
		}
		final Thread other = new Thread( () -> {
			for ( int r = 1; r < rows.size(); r += 2 )
				recorder.floatRowStored( plane, rows.get( r )[ 0 ], rows.get( r )[ 1 ] );
		} );
		other.start();
		for ( int r = 0; r < rows.size(); r += 2 )
		{
			// NB: a row at index 0 of its own array, as the direct path hands them over.
			final float[] row = new float[ rows.get( r )[ 1 ] ];
			System.arraycopy( plane, rows.get( r )[ 0 ], row, 0, row.length );
			recorder.floatRowStored( row, 0, row.length );
		}
		other.join();
		assertArrayEquals( new double[] { -900.5, 700.25 }, recorder.range( plane.length ) );
		assertNull( recorder.range( plane.length + 1 ), "a sample was not seen" );
	}

	/**
	 * A row that holds several parts side by side hands each part over from
	 * its own offset in one array; only the samples handed over count.
	 */
	@Test
	public void partsOfOneArrayCountOnlyTheirOwnSamples()
	{
		final RangeRecorder recorder = new RangeRecorder( FilterMonitor.NONE );
		final float[] row = new float[ 1024 ];
		for ( int i = 0; i < row.length; i++ )
			row[ i ] = i % 7;
		row[ 300 ] = -40.5f;
		row[ 700 ] = 33.25f;
		// NB: never handed over, so never counted.
		row[ 100 ] = -1000;
		row[ 900 ] = 1000;
		for ( final int from : new int[] { 256, 512, 640 } )
			recorder.floatRowStored( row, from, 128 );
		recorder.floatRowStored( row, 300, 1 );
		assertArrayEquals( new double[] { -40.5, 33.25 }, recorder.range( 385 ) );
	}

	@Test
	public void aNaNOrAnInfinityLeavesTheRangeToTheScan()
	{
		for ( final float odd : new float[] { Float.NaN, Float.POSITIVE_INFINITY,
				Float.NEGATIVE_INFINITY } )
		{
			final RangeRecorder recorder = new RangeRecorder( FilterMonitor.NONE );
			recorder.floatRowStored( new float[] { 1, 2, odd, 4 }, 0, 4 );
			assertNull( recorder.range( 4 ), "row holding " + odd );
		}
		assertNull( new RangeRecorder( FilterMonitor.NONE ).range( 0 ), "no rows at all" );
	}

	@Test
	public void passesProgressCancelPollsAndWarningsOn()
	{
		final List< String > seen = new ArrayList<>();
		final RangeRecorder recorder = new RangeRecorder( new FilterMonitor()
		{
			@Override
			public void progress( final double fraction )
			{
				seen.add( "progress " + fraction );
			}

			@Override
			public boolean isCanceled()
			{
				seen.add( "polled" );
				return true;
			}

			@Override
			public void warn( final String message )
			{
				seen.add( "warn " + message );
			}
		} );
		recorder.progress( 0.25 );
		assertTrue( recorder.isCanceled() );
		recorder.warn( "careful" );
		assertEquals( List.of( "progress 0.25", "polled", "warn careful" ), seen );
	}

	/**
	 * Through {@link ImagePlusFilter}: short kernels store float rows, a
	 * kernel of more than 64 taps per output stores rows summed in double,
	 * and each channel of a composite result gets its own range.
	 */
	@Test
	public void filteredImagesShowTheRangeOfTheirPixels()
	{
		final ImagePlus image = Pixels.random( "two channels", 32, 301, 67, 2, 1, 1, 9 );
		final Random random = new Random( 3 );
		for ( final int size : new int[] { 3, 9 } )
		{
			final double[] weights = random.doubles( size * size, -1, 1 ).toArray();
			final ImagePlus result = ImagePlusFilter.apply( image, LinearFilter.convolve( Kernel
					.of( weights, size, size ) ).boundary( Boundary.MIRROR ), false, null );
			final CompositeImage composite = ( CompositeImage ) result;
			for ( int c = 1; c <= 2; c++ )
			{
				double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
				for ( final double v : Pixels.channel( result, c ) )
				{
					min = Math.min( min, v );
					max = Math.max( max, v );
				}
				composite.setPosition( c, 1, 1 );
				assertEquals( min, composite.getDisplayRangeMin(), "kernel " + size + " c" + c );
				assertEquals( max, composite.getDisplayRangeMax(), "kernel " + size + " c" + c );
			}
		}
	}
}
