package io.github.ndfilters.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.BruteForce;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.OutputSize;

/**
 * Test helpers: makes ImageJ images of known content, reads their channels
 * back with ImageJ's own accessors (independently of the code under test)
 * and computes the expected result with {@link BruteForce}.
 */
final class Pixels
{
	private Pixels()
	{}

	/** A hyperstack of random values with the given layout and bit depth. */
	static ImagePlus random( final String title, final int bitDepth, final int w, final int h,
			final int c, final int z, final int t, final long seed )
	{
		final Random random = new Random( seed );
		final ImageStack stack = ImageStack.create( w, h, c * z * t, bitDepth );
		for ( int s = 1; s <= stack.getSize(); s++ )
		{
			final ImageProcessor ip = stack.getProcessor( s );
			for ( int i = 0; i < w * h; i++ )
			{
				if ( bitDepth == 24 )
					ip.set( i, random.nextInt( 1 << 24 ) );
				else if ( bitDepth == 32 )
					ip.setf( i, ( float ) ( random.nextGaussian() * 100 ) );
				else
					ip.set( i, random.nextInt( bitDepth == 8 ? 256 : 4096 ) );
			}
		}
		final ImagePlus imp = new ImagePlus( title, stack );
		imp.setDimensions( c, z, t );
		if ( c * z * t > 1 && ( c > 1 || t > 1 ) )
			imp.setOpenAsHyperStack( true );
		return imp;
	}

	/**
	 * @param colour
	 *            for RGB images the colour (0 red, 1 green, 2 blue)
	 * @return channel {@code c} (from 1) as x, y, z, t values, x fastest
	 */
	static double[] channel( final ImagePlus imp, final int c, final int colour )
	{
		final int w = imp.getWidth(), h = imp.getHeight();
		final int nz = imp.getNSlices(), nt = imp.getNFrames();
		final double[] values = new double[ w * h * nz * nt ];
		int i = 0;
		for ( int t = 1; t <= nt; t++ )
			for ( int z = 1; z <= nz; z++ )
			{
				final ImageProcessor ip = imp.getStack().getProcessor( imp.getStackIndex( c, z,
						t ) );
				for ( int y = 0; y < h; y++ )
					for ( int x = 0; x < w; x++ )
						values[ i++ ] = imp.getBitDepth() == 24
								? ( ip.get( x, y ) >> ( 16 - 8 * colour ) ) & 0xff
								: ip.getf( x, y );
			}
		return values;
	}

	static double[] channel( final ImagePlus imp, final int c )
	{
		return channel( imp, c, 0 );
	}

	static long[] dims( final ImagePlus imp )
	{
		return new long[] { imp.getWidth(), imp.getHeight(), imp.getNSlices(), imp.getNFrames() };
	}

	/** The reference result for one channel, with the kernel on x, y, z, t. */
	static BruteForce.Result expected( final double[] channel, final long[] dims,
			final Kernel kernel, final Boundary boundary, final double value,
			final boolean convolve, final OutputSize size )
	{
		final Kernel k = kernel.withDimensions( 4 );
		final Boundary[] modes = new Boundary[ 4 ];
		Arrays.fill( modes, boundary );
		return BruteForce.filter( channel, dims, k.weights(), k.dimensions(), k.centre(), modes,
				value, convolve, size );
	}

	/** Asserts values within the precision the SPEC promises for 32-bit results. */
	static void assertClose( final double[] expected, final double[] actual,
			final double scale )
	{
		assertEquals( expected.length, actual.length, "number of values" );
		final double tolerance = 1e-5 * Math.max( scale, 1 );
		for ( int i = 0; i < expected.length; i++ )
			assertEquals( expected[ i ], actual[ i ], tolerance, "value " + i );
	}

	/** @return the integer ImageJ stores: rounded half away from zero, saturated */
	static double[] rounded( final double[] values, final double lowest, final double highest )
	{
		final double[] r = new double[ values.length ];
		for ( int i = 0; i < r.length; i++ )
		{
			final double v = Math.copySign( Math.floor( Math.abs( values[ i ] ) + 0.5 ),
					values[ i ] );
			r[ i ] = Math.max( lowest, Math.min( highest, v ) );
		}
		return r;
	}

	/** @return every pixel of every plane, to check the input was left alone */
	static Object[] snapshot( final ImagePlus imp )
	{
		final ImageStack stack = imp.getStack();
		final Object[] copy = new Object[ stack.getSize() ];
		for ( int s = 0; s < copy.length; s++ )
			copy[ s ] = stack.getProcessor( s + 1 ).duplicate().getPixels();
		return copy;
	}

	static void assertUnchanged( final Object[] before, final ImagePlus imp )
	{
		final Object[] after = snapshot( imp );
		assertEquals( before.length, after.length );
		for ( int s = 0; s < before.length; s++ )
		{
			if ( before[ s ] instanceof byte[] )
				assertArrayEquals( ( byte[] ) before[ s ], ( byte[] ) after[ s ] );
			else if ( before[ s ] instanceof short[] )
				assertArrayEquals( ( short[] ) before[ s ], ( short[] ) after[ s ] );
			else if ( before[ s ] instanceof int[] )
				assertArrayEquals( ( int[] ) before[ s ], ( int[] ) after[ s ] );
			else
				assertArrayEquals( ( float[] ) before[ s ], ( float[] ) after[ s ] );
		}
	}

	static double maxAbs( final double[] values )
	{
		double m = 0;
		for ( final double v : values )
			m = Math.max( m, Math.abs( v ) );
		return m;
	}
}
