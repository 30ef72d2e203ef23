package io.github.ndfilters.command;

import java.util.Arrays;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.BruteForce;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.OutputSize;

/** Builds small single-channel test images and reads them back, x fastest. */
final class Pixels
{
	private Pixels()
	{}

	/** Values that vary irregularly and include negatives, reproducibly. */
	static double[] values( final int count )
	{
		final double[] v = new double[ count ];
		for ( int i = 0; i < count; i++ )
			v[ i ] = ( ( i * 37 + 11 ) % 23 ) - 7 + 0.25 * ( i % 3 );
		return v;
	}

	static ImagePlus floats( final String title, final double[] values, final int... dims )
	{
		final int w = dims[ 0 ], h = dims.length > 1 ? dims[ 1 ] : 1;
		final ImageStack stack = new ImageStack( w, h );
		for ( int z = 0; z < values.length / ( w * h ); z++ )
		{
			final float[] plane = new float[ w * h ];
			for ( int i = 0; i < plane.length; i++ )
				plane[ i ] = ( float ) values[ z * w * h + i ];
			stack.addSlice( new FloatProcessor( w, h, plane ) );
		}
		return new ImagePlus( title, stack );
	}

	static ImagePlus bytes( final String title, final int[] values, final int w, final int h )
	{
		final byte[] plane = new byte[ w * h ];
		for ( int i = 0; i < plane.length; i++ )
			plane[ i ] = ( byte ) values[ i ];
		return new ImagePlus( title, new ByteProcessor( w, h, plane ) );
	}

	/** @return every pixel of a single-channel image, x, then y, then slice */
	static double[] read( final ImagePlus image )
	{
		final ImageStack stack = image.getStack();
		final int plane = image.getWidth() * image.getHeight();
		final double[] v = new double[ plane * stack.getSize() ];
		for ( int s = 0; s < stack.getSize(); s++ )
		{
			final ImageProcessor ip = stack.getProcessor( s + 1 );
			for ( int i = 0; i < plane; i++ )
				v[ s * plane + i ] = ip.getf( i );
		}
		return v;
	}

	/** @return width, height and, for a stack, depth */
	static long[] dims( final ImagePlus image )
	{
		return image.getStackSize() > 1
				? new long[] { image.getWidth(), image.getHeight(), image.getStackSize() }
				: new long[] { image.getWidth(), image.getHeight() };
	}

	/** The reference result for a single-channel image, from the formulas. */
	static BruteForce.Result expected( final ImagePlus image, final Kernel kernel,
			final Boundary mode, final double value, final boolean convolve,
			final OutputSize size )
	{
		final long[] dims = dims( image );
		final Kernel k = kernel.withDimensions( dims.length );
		final Boundary[] modes = new Boundary[ dims.length ];
		Arrays.fill( modes, mode );
		return BruteForce.filter( read( image ), dims, k.weights(), k.dimensions(), k.centre(),
				modes, value, convolve, size );
	}

	/** @return the largest |input| x |kernel| sum, the scale of float rounding */
	static double scale( final ImagePlus image, final Kernel kernel )
	{
		double max = 0;
		for ( final double v : read( image ) )
			max = Math.max( max, Math.abs( v ) );
		return Math.max( 1e-30, max * kernel.absoluteSum() );
	}
}
