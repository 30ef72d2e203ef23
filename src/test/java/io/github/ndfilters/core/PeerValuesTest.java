package io.github.ndfilters.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * Small cases worked out by hand, which other tools agree on once their
 * conventions are matched.
 */
class PeerValuesTest
{
	private static double[] run( final LinearFilter filter, final double[] values,
			final long... dims )
	{
		return flat( filter.applyAsDouble( ArrayImgs.doubles( values, dims ) ) );
	}

	private static double[] flat( final RandomAccessibleInterval< ? extends RealType< ? > > img )
	{
		final double[] out = new double[ ( int ) Views.iterable( img ).size() ];
		int i = 0;
		for ( final RealType< ? > t : Views.flatIterable( img ) )
			out[ i++ ] = t.getRealDouble();
		return out;
	}

	@Test
	void evenKernelOnALineWithSymmetricEdges()
	{
		final double[] x = { 2, 8, 0, 4, 1, 9, 9, 0 };
		final Kernel k = Kernel.line( 1, 3 );
		assertArrayEquals( new double[] { 8, 26, 8, 12, 7, 28, 36, 9 },
				run( LinearFilter.correlate( k ).boundary( Boundary.SYMMETRIC ), x, 8 ) );
		assertArrayEquals( new double[] { 14, 24, 4, 13, 12, 36, 27, 0 },
				run( LinearFilter.convolve( k ).boundary( Boundary.SYMMETRIC ), x, 8 ) );
	}

	@Test
	void twoByTwoBoxWithSymmetricEdges()
	{
		final double[] image = { 1, 2, 3, 4, 5, 6 };
		final Kernel box = Kernel.of( new double[] { 1, 1, 1, 1 }, 2, 2 );
		assertArrayEquals( new double[] { 4, 6, 10, 10, 12, 16 },
				run( LinearFilter.correlate( box ), image, 3, 2 ) );
		assertArrayEquals( new double[] { 12, 16, 18, 18, 22, 24 },
				run( LinearFilter.convolve( box ), image, 3, 2 ) );
	}

	@Test
	void kernelMuchWiderThanTheImageFoldsRepeatedly()
	{
		final double[] line = { 1, 2, 3 };
		final Kernel k = Kernel.line( 0, 0, 0, 0, 0, 0, 0, 0, 1 );
		final LinearFilter f = LinearFilter.correlate( k );
		assertArrayEquals( new double[] { 3, 3, 3 },
				run( f.boundary( Boundary.REPLICATE ), line, 3 ) );
		assertArrayEquals( new double[] { 2, 3, 1 },
				run( f.boundary( Boundary.PERIODIC ), line, 3 ) );
		assertArrayEquals( new double[] { 2, 1, 1 },
				run( f.boundary( Boundary.SYMMETRIC ), line, 3 ) );
		assertArrayEquals( new double[] { 1, 2, 3 },
				run( f.boundary( Boundary.MIRROR ), line, 3 ) );
		assertArrayEquals( new double[] { 0, 0, 0 }, run( f.boundary( Boundary.ZERO ), line, 3 ) );
	}

	@Test
	void fullAndSameWithZeroEdges()
	{
		final double[] u = { -1, 2, 3, -2, 0, 1, 2 };
		final Kernel k = Kernel.line( 2, 4, -1, 1 );
		final LinearFilter conv = LinearFilter.convolve( k ).boundary( Boundary.ZERO );
		final LinearFilter corr = LinearFilter.correlate( k ).boundary( Boundary.ZERO );
		assertArrayEquals( new double[] { 15, 5, -9, 7, 6, 7, -1 }, run( conv, u, 7 ) );
		assertArrayEquals( new double[] { -2, 0, 15, 5, -9, 7, 6, 7, -1, 2 },
				run( conv.outputSize( OutputSize.FULL ), u, 7 ) );
		assertArrayEquals( new double[] { 3, -3, 1, 18, -1, -3, 2 }, run( corr, u, 7 ) );
		assertArrayEquals( new double[] { -1, 3, -3, 1, 18, -1, -3, 2, 10, 4 },
				run( corr.outputSize( OutputSize.FULL ), u, 7 ) );
	}

	@Test
	void validOutputOfAnEdgeKernel()
	{
		final double[] image = { -5, 5, 0, 5, 5, 5, 0, 0, 0, 5, 0, 5, 5, 5, 5, 5 };
		final Kernel k = Kernel.of( new double[] { -1, -1, -1, 0, 0, 0, 1, 1, 1 }, 3, 3 );
		assertArrayEquals( new double[] { -5, 0, -5, -10 },
				run( LinearFilter.convolve( k ).outputSize( OutputSize.VALID ), image, 4, 4 ) );
		assertArrayEquals( new double[] { 5, 0, 5, 10 },
				run( LinearFilter.correlate( k ).outputSize( OutputSize.VALID ), image, 4, 4 ) );
	}

	@Test
	void oneSampleWithMirrorEdges()
	{
		final LinearFilter fiveOnes = LinearFilter.correlate( Kernel.line( 1, 1, 1, 1, 1 ) )
				.boundary( Boundary.MIRROR );
		assertArrayEquals( new double[] { 5 }, run( fiveOnes, new double[] { 1 }, 1 ) );
	}

	@Test
	void eightBitResultIsRoundedAndSaturated()
	{
		final RandomAccessibleInterval< UnsignedByteType > in = ArrayImgs.unsignedBytes(
				new byte[] { 1, 3, 5, ( byte ) 200, 0 }, 5 );
		assertArrayEquals( new double[] { 2, 5, 8, 255, 0 },
				flat( LinearFilter.correlate( Kernel.line( 1.5 ) ).applyKeepingType( in ) ) );
	}
}
