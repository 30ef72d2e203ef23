package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.util.Intervals;

/**
 * How the direct path cuts a slab into parts whose blocks stay in the cache
 * ({@link DirectCorrelator#parts}), worked out by hand from its budget of
 * 2^17 block samples, and that a stack cut below its slices still gives the
 * correlation.
 */
class SlabPartsTest
{
	/**
	 * A 7x7 kernel on slices of 1024x1024: one slice's block (1030 x 1030)
	 * is over the budget and the kernel is flat along z, so each slice is cut
	 * along y: 2^17 / 1030 = 127 block rows, less the halo of 6, is 121
	 * output rows, so nine parts per slice, the last one 1024 - 8 x 121 = 56
	 * rows high.
	 */
	@Test
	void largeSlicesUnderAFlatKernelAreCutAlongY()
	{
		final List< Interval > parts = DirectCorrelator.parts( new FinalInterval( 1024, 1024, 4 ),
				kernel( 7, 7, 1 ) );
		assertEquals( 36, parts.size() );
		assertInterval( new long[] { 0, 0, 0 }, new long[] { 1023, 120, 0 }, parts.get( 0 ) );
		assertInterval( new long[] { 0, 121, 0 }, new long[] { 1023, 241, 0 }, parts.get( 1 ) );
		assertInterval( new long[] { 0, 968, 3 }, new long[] { 1023, 1023, 3 }, parts.get( 35 ) );
		assertCovers( new FinalInterval( 1024, 1024, 4 ), parts );
	}

	/** A kernel 3 long along z would read its halo planes again for every slice: no cut. */
	@Test
	void aKernelLongAlongTheCutAxisKeepsTheWholeSlab()
	{
		final List< Interval > parts = DirectCorrelator.parts( new FinalInterval( 1024, 1024, 4 ),
				kernel( 7, 7, 3 ) );
		assertEquals( 1, parts.size() );
		assertInterval( new long[] { 0, 0, 0 }, new long[] { 1023, 1023, 3 }, parts.get( 0 ) );
	}

	/** Slices of 256x256 fit whole (262 x 262 = 68644 samples): one part per slice. */
	@Test
	void smallSlicesGoWhole()
	{
		final List< Interval > parts = DirectCorrelator.parts( new FinalInterval( 256, 256, 16 ),
				kernel( 7, 7, 1 ) );
		assertEquals( 16, parts.size() );
		assertInterval( new long[] { 0, 0, 5 }, new long[] { 255, 255, 5 }, parts.get( 5 ) );
	}

	/**
	 * A 2-D image: 2^17 / 2054 = 63 block rows, less 6, is 57 rows per part,
	 * so a slab of 256 rows goes in five parts, the last 28 high.
	 */
	@Test
	void aPlaneIsCutAlongY()
	{
		final Interval slab = Intervals.createMinMax( 0, 512, 2047, 767 );
		final List< Interval > parts = DirectCorrelator.parts( slab, kernel( 7, 7 ) );
		assertEquals( 5, parts.size() );
		assertInterval( new long[] { 0, 740 }, new long[] { 2047, 767 }, parts.get( 4 ) );
		assertCovers( slab, parts );
	}

	/**
	 * Slices of 404 x 334 block samples are over the budget, so a 5x5 kernel
	 * on this stack is summed in parts of 320 rows and 10 rows (2^17 / 404 =
	 * 324, less the halo of 4); they must meet the reference,
	 * on one thread and on several. Slabs of this stack span 2 to 4 slices,
	 * so the slices are cut below inside the filter too.
	 */
	@Test
	void aStackCutBelowItsSlicesGivesTheCorrelation()
	{
		final Random random = new Random( 23 );
		final long[] dims = { 400, 330, 16 };
		final double[] input = random.doubles( 400 * 330 * 16, -5, 5 ).toArray();
		final double[] weights = random.doubles( 25, -1, 1 ).toArray();
		final int[] kernelDims = { 5, 5, 1 };
		final List< Interval > parts = DirectCorrelator.parts( new FinalInterval( dims ), Kernel
				.of( weights, kernelDims ) );
		assertEquals( 32, parts.size() );
		assertInterval( new long[] { 0, 320, 15 }, new long[] { 399, 329, 15 }, parts.get( 31 ) );
		// NB: the modes that differ most where a part's halo crosses the image's edge.
		for ( final Boundary mode : new Boundary[] { Boundary.CONSTANT, Boundary.MIRROR,
				Boundary.PERIODIC } )
		{
			final Boundary[] modes = { mode, mode, mode };
			final double[] expected = BruteForce.filter( input, dims, weights, kernelDims,
					new int[] { 2, 2, 0 }, modes, 1.5, false, OutputSize.SAME ).values;
			final LinearFilter filter = LinearFilter.correlate( Kernel.of( weights, kernelDims ) )
					.boundary( BoundaryConditions.perAxis( 1.5, mode ) ).method( Method.DIRECT );
			final double[] several = TestImages.values( filter.apply( ArrayImgs.doubles( input
					.clone(), dims ) ) );
			final double[][] one = new double[ 1 ][];
			Parallelization.runSingleThreaded( () -> one[ 0 ] = TestImages.values( filter.apply(
					ArrayImgs.doubles( input.clone(), dims ) ) ) );
			for ( int i = 0; i < expected.length; i++ )
			{
				assertEquals( expected[ i ], several[ i ], 1e-4, mode + " at " + i );
				assertEquals( expected[ i ], one[ 0 ][ i ], 1e-4, mode + " at " + i
						+ ", one thread" );
			}
		}
	}

	/**
	 * The separable path sums the same parts: a 5x5 outer product on that
	 * stack, with a NaN in one part, which that part alone then sums
	 * directly, so that the NaN spreads exactly over the windows that cover it.
	 */
	@Test
	void theSeparablePathSumsTheSameParts()
	{
		final Random random = new Random( 29 );
		final long[] dims = { 400, 330, 16 };
		final double[] input = random.doubles( 400 * 330 * 16, -5, 5 ).toArray();
		input[ 400 * 330 * 9 + 400 * 100 + 200 ] = Double.NaN;
		final double[] row = { 0.5, -1, 2, 1.5, 0.25 };
		final double[] column = { 1, 0.75, -0.5, 2, 1.25 };
		final double[] weights = new double[ 25 ];
		for ( int i = 0; i < 25; i++ )
			weights[ i ] = row[ i % 5 ] * column[ i / 5 ];
		final int[] kernelDims = { 5, 5, 1 };
		final Boundary[] modes = { Boundary.SYMMETRIC, Boundary.SYMMETRIC, Boundary.SYMMETRIC };
		final double[] expected = BruteForce.filter( input, dims, weights, kernelDims, new int[] {
				2, 2, 0 }, modes, 0, false, OutputSize.SAME ).values;
		final LinearFilter filter = LinearFilter.correlate( Kernel.of( weights, kernelDims ) )
				.boundary( Boundary.SYMMETRIC ).method( Method.SEPARABLE );
		assertEquals( Method.SEPARABLE, filter.chosenMethod( new FinalInterval( dims ) ) );
		final double[] several = TestImages.values( filter.apply( ArrayImgs.doubles( input
				.clone(), dims ) ) );
		final double[][] one = new double[ 1 ][];
		Parallelization.runSingleThreaded( () -> one[ 0 ] = TestImages.values( filter.apply(
				ArrayImgs.doubles( input.clone(), dims ) ) ) );
		int nans = 0;
		for ( int i = 0; i < expected.length; i++ )
		{
			if ( Double.isNaN( expected[ i ] ) )
				nans++;
			assertSameValue( expected[ i ], several[ i ], "at " + i );
			assertSameValue( expected[ i ], one[ 0 ][ i ], "at " + i + ", one thread" );
		}
		assertEquals( 25, nans, "the NaN spoils the 5x5 outputs whose window covers it" );
	}

	private static void assertSameValue( final double expected, final double actual,
			final String where )
	{
		if ( Double.isNaN( expected ) )
			assertTrue( Double.isNaN( actual ), "NaN expected " + where );
		else
			assertEquals( expected, actual, 1e-4, where );
	}

	private static Kernel kernel( final int... dims )
	{
		int size = 1;
		for ( final int d : dims )
			size *= d;
		return Kernel.of( new Random( 2 ).doubles( size, -1, 1 ).toArray(), dims );
	}

	private static void assertInterval( final long[] min, final long[] max, final Interval part )
	{
		assertArrayEquals( min, part.minAsLongArray(), "min" );
		assertArrayEquals( max, part.maxAsLongArray(), "max" );
	}

	/** The parts lie inside the slab, do not overlap and add up to its size: they tile it. */
	private static void assertCovers( final Interval slab, final List< Interval > parts )
	{
		long samples = 0;
		for ( int i = 0; i < parts.size(); i++ )
		{
			final Interval part = parts.get( i );
			assertEquals( Intervals.numElements( part ), Intervals.numElements( Intervals
					.intersect( part, slab ) ), "inside" );
			for ( int j = i + 1; j < parts.size(); j++ )
				assertTrue( Intervals.isEmpty( Intervals.intersect( part, parts.get( j ) ) ),
						"parts " + i + " and " + j + " overlap" );
			samples += Intervals.numElements( part );
		}
		assertEquals( Intervals.numElements( slab ), samples );
	}
}
