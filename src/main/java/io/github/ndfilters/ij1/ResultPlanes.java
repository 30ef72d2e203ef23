package io.github.ndfilters.ij1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.ImageStack;
import io.github.ndfilters.core.MemoryBudget;
import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * The pixel arrays of a result, allocated once and written by the filter
 * through 4-D views (x, y, z, t) whose min is the output interval's min, so
 * that the finished arrays become the planes of the result's
 * {@link ImageStack} without another copy.
 */
final class ResultPlanes
{
	/** The pixel type of the arrays. */
	enum Kind
	{
		BYTE, SHORT, FLOAT
	}

	final Kind kind;

	final Interval interval;

	final int width;

	final int height;

	final int slices;

	final int frames;

	/** {@code planes[ channel ][ z + slices * t ]} */
	final Object[][] planes;

	/**
	 * @throws IllegalArgumentException
	 *             if the planes would not fit into the memory Java can still
	 *             use; checked before any plane is allocated
	 */
	ResultPlanes( final Kind kind, final int channels, final Interval interval )
	{
		this.kind = kind;
		this.interval = interval;
		width = size( interval, 0 );
		height = size( interval, 1 );
		slices = size( interval, 2 );
		frames = size( interval, 3 );
		if ( ( long ) width * height > Integer.MAX_VALUE - 8 )
			throw new IllegalArgumentException( "A result plane of " + width + " x " + height
					+ " pixels is too large for ImageJ; use output size 'same' or a smaller"
					+ " image." );
		MemoryBudget.require( bytes( kind, channels, interval ), 0 );
		final int area = width * height;
		planes = new Object[ channels ][ slices * frames ];
		for ( final Object[] channel : planes )
			for ( int p = 0; p < channel.length; p++ )
				channel[ p ] = kind == Kind.BYTE ? new byte[ area ]
						: kind == Kind.SHORT ? new short[ area ] : new float[ area ];
	}

	/** @return the bytes of the planes of this kind for the interval, for a memory check */
	static double bytes( final Kind kind, final int channels, final Interval interval )
	{
		final int bytesPerSample = kind == Kind.BYTE ? 1 : kind == Kind.SHORT ? 2 : 4;
		// NB: double, so that a huge request cannot overflow into a small one.
		double samples = ( double ) bytesPerSample * channels;
		for ( int d = 0; d < interval.numDimensions(); d++ )
			samples *= interval.dimension( d );
		return samples;
	}

	int channels()
	{
		return planes.length;
	}

	/** @return a writable view of one channel, placed at the output interval */
	RandomAccessibleInterval< ? extends RealType< ? > > view( final int channel )
	{
		final List< Object > channelPlanes = Arrays.asList( planes[ channel ] );
		final long[] dims = { width, height, slices, frames };
		final RandomAccessibleInterval< ? extends RealType< ? > > img = kind == Kind.BYTE
				? PlanarWrap.bytes( channelPlanes, dims )
				: kind == Kind.SHORT ? PlanarWrap.shorts( channelPlanes, dims )
						: PlanarWrap.floats( channelPlanes, dims );
		return Views.translate( img, interval.minAsLongArray() );
	}

	/**
	 * @return the planes in ImageJ's order (channel fastest, then z, then t)
	 */
	ImageStack toStack()
	{
		final ImageStack stack = new ImageStack( width, height );
		for ( int p = 0; p < slices * frames; p++ )
			for ( final Object[] channel : planes )
				stack.addSlice( null, channel[ p ] );
		return stack;
	}

	/**
	 * Packs the byte planes of channels {@code 3c, 3c + 1, 3c + 2} as red,
	 * green and blue into RGB planes.
	 */
	ImageStack toRgbStack()
	{
		final ImageStack stack = new ImageStack( width, height );
		final int area = width * height;
		for ( int p = 0; p < slices * frames; p++ )
			for ( int c = 0; c < planes.length; c += 3 )
			{
				final byte[] r = ( byte[] ) planes[ c ][ p ];
				final byte[] g = ( byte[] ) planes[ c + 1 ][ p ];
				final byte[] b = ( byte[] ) planes[ c + 2 ][ p ];
				final int[] rgb = new int[ area ];
				for ( int i = 0; i < area; i++ )
					rgb[ i ] = 0xff000000 | ( r[ i ] & 0xff ) << 16 | ( g[ i ] & 0xff ) << 8
							| b[ i ] & 0xff;
				stack.addSlice( null, rgb );
				planes[ c ][ p ] = planes[ c + 1 ][ p ] = planes[ c + 2 ][ p ] = null;
			}
		return stack;
	}

	/** Samples a task of the range scan covers: enough to outweigh handing it to a thread. */
	private static final int RANGE_CHUNK = 1 << 20;

	/**
	 * @return the display range of a channel: 0 to 255 for 8-bit planes, as
	 *         ImageJ shows them; else the smallest and largest finite value,
	 *         or 0, 0. The planes are scanned in chunks on ImgLib2's task
	 *         executor, as the filter ran, because one thread took as long to
	 *         scan a 2048x2048 result as two took to filter it with a 7x7 kernel
	 */
	double[] range( final int channel )
	{
		if ( kind == Kind.BYTE )
			return new double[] { 0, 255 };
		final List< int[] > chunks = new ArrayList<>();
		final int area = width * height;
		for ( int p = 0; p < planes[ channel ].length; p++ )
			for ( int from = 0; from < area; from += RANGE_CHUNK )
				chunks.add( new int[] { p, from, Math.min( area, from + RANGE_CHUNK ) } );
		final List< double[] > ranges = Parallelization.getTaskExecutor().forEachApply( chunks,
				chunk -> range( planes[ channel ][ chunk[ 0 ] ], chunk[ 1 ], chunk[ 2 ] ) );
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for ( final double[] r : ranges )
		{
			min = Math.min( min, r[ 0 ] );
			max = Math.max( max, r[ 1 ] );
		}
		return min <= max ? new double[] { min, max } : new double[] { 0, 0 };
	}

	/** @return the range of the samples {@code [from, to)}; +inf, -inf if none counts */
	private double[] range( final Object plane, final int from, final int to )
	{
		return kind == Kind.FLOAT ? range( ( float[] ) plane, from, to )
				: range( ( short[] ) plane, from, to );
	}

	// NB: one loop per pixel type, so that each runs over its array without a test per pixel.

	private static double[] range( final float[] plane, final int from, final int to )
	{
		final FloatLanes lanes = new FloatLanes();
		lanes.fold( plane, from, to - from );
		final float[] extremes = lanes.extremes();
		final float min = extremes[ 0 ], max = extremes[ 1 ];
		if ( Float.isFinite( min ) && Float.isFinite( max ) || min > max )
			return new double[] { min, max };
		return finiteRange( plane, from, to );
	}

	/** As {@link #range(float[], int, int)}, leaving out the infinities, in a slower loop. */
	private static double[] finiteRange( final float[] plane, final int from, final int to )
	{
		float min = Float.POSITIVE_INFINITY;
		float max = Float.NEGATIVE_INFINITY;
		for ( int i = from; i < to; i++ )
		{
			final float v = plane[ i ];
			if ( !Float.isInfinite( v ) )
			{
				if ( v < min )
					min = v;
				if ( v > max )
					max = v;
			}
		}
		return new double[] { min, max };
	}

	private static double[] range( final short[] plane, final int from, final int to )
	{
		int min = Integer.MAX_VALUE;
		int max = Integer.MIN_VALUE;
		for ( int i = from; i < to; i++ )
		{
			final int v = plane[ i ] & 0xffff;
			if ( v < min )
				min = v;
			if ( v > max )
				max = v;
		}
		return from < to ? new double[] { min, max }
				: new double[] { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY };
	}

	private static int size( final Interval interval, final int d )
	{
		final long size = interval.dimension( d );
		if ( size > Integer.MAX_VALUE )
			throw new IllegalArgumentException( "The result would be " + size
					+ " pixels long on axis " + d + ", too long for ImageJ." );
		return ( int ) size;
	}
}
