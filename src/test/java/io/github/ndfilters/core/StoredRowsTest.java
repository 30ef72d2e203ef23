package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

/**
 * {@link FilterMonitor#floatRowStored}: with every method, a float target's
 * samples are each seen once, with exactly the values stored; a target of
 * another type is never reported.
 */
class StoredRowsTest
{
	private static final Random RANDOM = new Random( 41 );

	/** Collects every sample it is shown. */
	private static final class Collector implements FilterMonitor
	{
		final List< Float > seen = new ArrayList<>();

		@Override
		public synchronized void floatRowStored( final float[] values, final int from,
				final int length )
		{
			for ( int i = from; i < from + length; i++ )
				seen.add( values[ i ] );
		}

		float[] sorted()
		{
			final float[] s = new float[ seen.size() ];
			for ( int i = 0; i < s.length; i++ )
				s[ i ] = seen.get( i );
			Arrays.sort( s );
			return s;
		}
	}

	@Test
	void everyStoredFloatSampleIsSeenOnce()
	{
		final long[] dims = { 70, 41, 5 };
		final RandomAccessibleInterval< FloatType > source = ArrayImgs.floats( dims );
		final double[] input = RANDOM.doubles( 70 * 41 * 5, -3, 3 ).toArray();
		TestImages.setValues( source, input );
		// A separable 3x3x3 kernel, and a 9x9x1 one whose 81 taps are summed in double.
		final double[] line = { 0.25, 0.5, 0.25 };
		final double[] separable = new double[ 27 ];
		for ( int i = 0; i < 27; i++ )
			separable[ i ] = line[ i % 3 ] * line[ i / 3 % 3 ] * line[ i / 9 ];
		for ( final Kernel kernel : new Kernel[] { Kernel.of( separable, 3, 3, 3 ), Kernel.of(
				RANDOM.doubles( 81, -1, 1 ).toArray(), 9, 9, 1 ) } )
			for ( final Method method : Method.values() )
			{
				final Collector collector = new Collector();
				final RandomAccessibleInterval< FloatType > target = ArrayImgs.floats( dims );
				LinearFilter.correlate( kernel ).method( method ).monitor( collector ).applyTo(
						source, target );
				final float[] stored = new float[ ( int ) ( dims[ 0 ] * dims[ 1 ] * dims[ 2 ] ) ];
				final double[] values = TestImages.values( target );
				for ( int i = 0; i < stored.length; i++ )
					stored[ i ] = ( float ) values[ i ];
				Arrays.sort( stored );
				assertArrayEquals( stored, collector.sorted(), method + " " + Kernel.shape(
						kernel.dimensions() ) );
			}
		final Collector collector = new Collector();
		LinearFilter.correlate( Kernel.of( line, 3 ) ).monitor( collector ).applyTo( source,
				ArrayImgs.doubles( dims ) );
		assertEquals( 0, collector.seen.size(), "a double target" );
	}
}
