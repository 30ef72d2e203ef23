package io.github.ndfilters.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.BruteForce;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.LinearFilter;
import io.github.ndfilters.core.OutputSize;

public class ResidualComparisonTest
{
	private static final Kernel GAUSSIAN_5X5 = Kernel.of( new double[] {
			1, 4, 6, 4, 1,
			4, 16, 24, 16, 4,
			6, 24, 36, 24, 6,
			4, 16, 24, 16, 4,
			1, 4, 6, 4, 1 }, 5, 5 ).normalized();

	private static final Kernel SOBEL_X = Kernel.of( new double[] { -1, 0, 1, -2, 0, 2, -1, 0,
			1 }, 3, 3 );

	private static final Kernel BOX_2X2 = Kernel.of( new double[] { 1, 1, 1, 1 }, 2, 2 );

	@Test
	public void pointSymmetricKernelGivesExactlyZero()
	{
		final ImagePlus image = Pixels.random( "g", 32, 17, 13, 1, 2, 1, 11 );
		final Comparison c = ResidualComparison.compare( image,
				LinearFilter.convolve( GAUSSIAN_5X5 ).boundary( Boundary.MIRROR ), null );
		assertTrue( c.isIdentical() );
		assertEquals( 0, c.maxAbsoluteDifference() );
		assertEquals( 0, c.rms() );
		assertEquals( 17 * 13 * 2, c.pixels() );
		for ( final double v : Pixels.channel( c.residual(), 1 ) )
			assertEquals( 0, v );
	}

	@Test
	public void sobelResidualIsTwiceTheCorrelation()
	{
		final ImagePlus image = Pixels.random( "s", 8, 15, 12, 2, 1, 1, 12 );
		final Comparison c = ResidualComparison.compare( image, LinearFilter.convolve( SOBEL_X ),
				null );
		assertEquals( 32, c.residual().getBitDepth() );
		assertEquals( 2, c.residual().getNChannels() );
		double max = 0;
		for ( int ch = 1; ch <= 2; ch++ )
		{
			final BruteForce.Result correlation = Pixels.expected( Pixels.channel( image, ch ),
					Pixels.dims( image ), SOBEL_X, Boundary.SYMMETRIC, 0, false, OutputSize.SAME );
			final double[] residual = Pixels.channel( c.residual(), ch );
			for ( int i = 0; i < residual.length; i++ )
				assertEquals( 2 * correlation.values[ i ], residual[ i ], 0, "pixel " + i );
			max = Math.max( max, 2 * Pixels.maxAbs( correlation.values ) );
		}
		assertEquals( max, c.maxAbsoluteDifference(), 0 );
		assertFalse( c.isIdentical() );
		// The display range is symmetric about zero, so zero sits in the middle of the LUT.
		assertEquals( -c.residual().getDisplayRangeMax(), c.residual().getDisplayRangeMin() );
	}

	@Test
	public void evenBoxIsNotSymmetricAndFiguresMatchTheReference()
	{
		final ImagePlus image = Pixels.random( "b", 16, 11, 9, 1, 1, 1, 13 );
		final Comparison c = ResidualComparison.compare( image,
				LinearFilter.correlate( BOX_2X2 ).boundary( Boundary.REPLICATE ), null );
		final double[] corr = Pixels.expected( Pixels.channel( image, 1 ), Pixels.dims( image ),
				BOX_2X2, Boundary.REPLICATE, 0, false, OutputSize.SAME ).values;
		final double[] conv = Pixels.expected( Pixels.channel( image, 1 ), Pixels.dims( image ),
				BOX_2X2, Boundary.REPLICATE, 0, true, OutputSize.SAME ).values;
		double max = 0, sumAbs = 0, sumSq = 0;
		long differing = 0;
		for ( int i = 0; i < corr.length; i++ )
		{
			final double d = corr[ i ] - conv[ i ];
			max = Math.max( max, Math.abs( d ) );
			sumAbs += Math.abs( d );
			sumSq += d * d;
			differing += d != 0 ? 1 : 0;
		}
		assertFalse( c.isIdentical() );
		assertTrue( differing > 0 );
		assertEquals( differing, c.differingPixels() );
		assertEquals( max, c.maxAbsoluteDifference(), 1e-9 );
		assertEquals( sumAbs / corr.length, c.meanAbsoluteDifference(), 1e-9 );
		assertEquals( Math.sqrt( sumSq / corr.length ), c.rms(), 1e-9 );
		assertTrue( c.residual().getTitle().startsWith( "Correlation minus convolution of b" ),
				c.residual().getTitle() );
	}
}
