package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.DoubleType;

/**
 * Rows wider than the direct path's longest x segment, so that every row is
 * summed in several segments of unequal length, and the segment lengths
 * differ with the kernel's width: the result must still equal the
 * brute-force sums everywhere, the seams included.
 */
class WideRowsTest
{
	private static final Random RANDOM = new Random( 23 );

	@Test
	void segmentsOfEveryKernelWidthMeetWithoutSeams()
	{
		final long[] dims = { 2300, 12 };
		final double[] input = RANDOM.doubles( 2300 * 12, -4, 4 ).toArray();
		final RandomAccessibleInterval< DoubleType > source = ArrayImgs.doubles( input, dims );
		for ( final int width : new int[] { 1, 3, 7, 9, 15, 33 } )
		{
			final int[] kernelDims = { width, 3 };
			final double[] weights = RANDOM.doubles( width * 3, -1, 1 ).toArray();
			final int[] centre = { width / 2, 1 };
			final Boundary[] modes = { Boundary.MIRROR, Boundary.MIRROR };
			final double[] expected = BruteForce.filter( input, dims, weights, kernelDims,
					centre, modes, 0, false, OutputSize.SAME ).values;
			final double scale = TestImages.max( BruteForce.filter( TestImages
					.finiteMagnitudes( input ), dims, TestImages.finiteMagnitudes( weights ),
					kernelDims, centre, modes, 0, false, OutputSize.SAME ).values );
			final LinearFilter filter = LinearFilter.correlate( Kernel.of( weights, kernelDims ) )
					.boundary( Boundary.MIRROR ).method( Method.DIRECT );
			assertNull( TestImages.compareFloat( expected, TestImages.values( filter.apply(
					source ) ), 1e-5 * scale ), "kernel " + width + "x3" );
		}
	}
}
