package io.github.ndfilters.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.DoubleFFT_2D;
import org.jtransforms.fft.DoubleFFT_3D;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.parallel.Parallelization;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

/**
 * Correlation through the Fourier domain, tile by tile (overlap-save), in
 * double precision with JTransforms. Tile sizes are chosen per kernel and
 * image for the least estimated work.
 * <p>
 * Each output tile reads its extended input, exactly the block the direct
 * path would read, so every boundary mode and output size is honoured. On a
 * block of FFT size {@code N} per axis, circular correlation with the
 * zero-padded kernel equals the linear one at the first {@code N - k + 1}
 * positions, which are the tile's outputs. Two tiles share one complex
 * transform, one in the real and one in the imaginary part: the kernel is
 * real, so the two results come back apart. Tiles run in parallel and memory
 * stays bounded by the tile size, whatever the image size.
 * </p>
 * <p>
 * A tile whose input holds a NaN or an infinity is computed by the direct
 * path instead, so it gives the direct path's answer. Transforms cover the
 * axes on which the kernel is longer than 1; the others are walked one
 * position at a time.
 * </p>
 */
final class FftCorrelator
{
	/**
	 * Upper bound on samples per FFT tile (64 MiB of complex doubles); a
	 * thread holds one such buffer, and the kernel's spectrum takes another.
	 */
	private static final long MAX_TILE_SAMPLES = 1L << 22;

	/** Work per sample of a tile beyond the transforms: copies and the product. */
	private static final double PER_SAMPLE = 6;

	/** Work per tile beyond its samples: fold tables, buffers, bookkeeping. */
	private static final double PER_TILE = 20000;

	private FftCorrelator()
	{}

	/** @return whether this path can take the kernel (at most 3 axes longer than 1) */
	static boolean supports( final Kernel kernel )
	{
		final int axes = fftAxes( kernel ).length;
		return axes >= 1 && axes <= 3;
	}

	/**
	 * Estimated work, in units of one butterfly per sample, for the whole
	 * output, scaled up when there are too few tiles to keep every thread
	 * busy; for the cost model of {@link Method#AUTO}.
	 */
	static double cost( final Interval target, final Kernel kernel )
	{
		final Plan plan = Plan.of( target, kernel );
		double tiles = 1;
		for ( int d = 0; d < target.numDimensions(); d++ )
			tiles *= ( target.dimension( d ) + plan.step[ d ] - 1 ) / plan.step[ d ];
		final int parallelism = Parallelization.getTaskExecutor().getParallelism();
		final double busy = Math.min( Math.ceil( tiles / 2 ), parallelism );
		return tiles * plan.tileWork * parallelism / busy;
	}

	/** See {@link DirectCorrelator#correlate}. */
	static void correlate( final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final BoundaryConditions boundary, final Kernel kernel,
			final RandomAccessibleInterval< ? extends RealType< ? > > target, final long[] shift,
			final FilterMonitor monitor )
	{
		final Plan plan = Plan.of( target, kernel );
		final List< Interval > tiles = tiles( target, plan.step );
		final List< Interval > pairs = new ArrayList<>();
		for ( int i = 0; i < tiles.size(); i += 2 )
			pairs.add( Intervals.createMinMax( i, Math.min( i + 1, tiles.size() - 1 ) ) );
		final double[] spectrum = plan.kernelSpectrum( kernel );
		// NB: a pool local to this call, so the buffers go when the call ends.
		final Queue< Transform > idle = new ConcurrentLinkedQueue<>();
		Slabs.run( pairs, monitor, pair -> {
			final Interval a = tiles.get( ( int ) pair.min( 0 ) );
			final Interval b = pair.max( 0 ) > pair.min( 0 ) ? tiles.get( ( int ) pair.max( 0 ) )
					: null;
			final Transform free = idle.poll();
			final Transform transform = free != null ? free : plan.transform();
			final boolean done = correlatePair( source, boundary, kernel, target, shift, plan,
					spectrum, transform, a, b, monitor );
			idle.add( transform );
			return done;
		} );
	}

	private static boolean correlatePair(
			final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final BoundaryConditions boundary, final Kernel kernel,
			final RandomAccessibleInterval< ? extends RealType< ? > > target, final long[] shift,
			final Plan plan, final double[] spectrum, final Transform transform, final Interval a,
			final Interval b, final FilterMonitor monitor )
	{
		final double[] buffer = transform.buffer;
		final PaddedBlock blockA = DirectCorrelator.readBlock( source, boundary, kernel, shift,
				a );
		final PaddedBlock blockB = b == null ? null
				: DirectCorrelator.readBlock( source, boundary, kernel, shift, b );
		final boolean directA = blockA.hasNonFinite;
		final boolean directB = blockB != null && blockB.hasNonFinite;
		if ( directA && !DirectCorrelator.correlateSlab( source, boundary, kernel, target, shift,
				a, monitor ) )
			return false;
		if ( directB && !DirectCorrelator.correlateSlab( source, boundary, kernel, target, shift,
				b, monitor ) )
			return false;
		final PaddedBlock re = directA ? null : blockA;
		final PaddedBlock im = directB ? null : blockB;
		if ( re == null && im == null )
			return true;

		java.util.Arrays.fill( buffer, 0 );
		plan.load( re, buffer, 0 );
		plan.load( im, buffer, 1 );
		transform.forward();
		for ( int i = 0; i < buffer.length; i += 2 )
		{
			// times the conjugate of the kernel's spectrum: correlation, not convolution
			final double xr = buffer[ i ], xi = buffer[ i + 1 ];
			final double kr = spectrum[ i ], ki = spectrum[ i + 1 ];
			buffer[ i ] = xr * kr + xi * ki;
			buffer[ i + 1 ] = xi * kr - xr * ki;
		}
		transform.inverse();
		if ( re != null && !store( plan, buffer, 0, a, target, monitor ) )
			return false;
		return im == null || store( plan, buffer, 1, b, target, monitor );
	}

	private static boolean store( final Plan plan, final double[] buffer, final int part,
			final Interval tile, final RandomAccessibleInterval< ? extends RealType< ? > > target,
			final FilterMonitor monitor )
	{
		return plan.store( buffer, part, tile, new TargetRows( target, tile.minAsLongArray() ),
				monitor );
	}

	private static List< Interval > tiles( final Interval target, final int[] step )
	{
		final int n = target.numDimensions();
		final List< Interval > tiles = new ArrayList<>();
		final long[] start = target.minAsLongArray();
		final long[] min = new long[ n ];
		final long[] max = new long[ n ];
		while ( true )
		{
			for ( int d = 0; d < n; d++ )
			{
				min[ d ] = start[ d ];
				max[ d ] = Math.min( target.max( d ), start[ d ] + step[ d ] - 1 );
			}
			tiles.add( new FinalInterval( min, max ) );
			int d = 0;
			for ( ; d < n; d++ )
			{
				start[ d ] += step[ d ];
				if ( start[ d ] <= target.max( d ) )
					break;
				start[ d ] = target.min( d );
			}
			if ( d == n )
				return tiles;
		}
	}

	private static int[] fftAxes( final Kernel kernel )
	{
		int count = 0;
		for ( int d = 0; d < kernel.numDimensions(); d++ )
			if ( kernel.dimension( d ) > 1 )
				count++;
		final int[] axes = new int[ count ];
		int i = 0;
		for ( int d = 0; d < kernel.numDimensions(); d++ )
			if ( kernel.dimension( d ) > 1 )
				axes[ i++ ] = d;
		return axes;
	}

	/** A thread's complex transforms of one size, with their buffer. */
	private static final class Transform
	{
		final double[] buffer;

		private final DoubleFFT_1D fft1;

		private final DoubleFFT_2D fft2;

		private final DoubleFFT_3D fft3;

		/** @param size transform size per axis, fastest first */
		Transform( final int[] size )
		{
			int samples = 1;
			for ( final int m : size )
				samples *= m;
			buffer = new double[ 2 * samples ];
			fft1 = size.length == 1 ? new DoubleFFT_1D( size[ 0 ] ) : null;
			fft2 = size.length == 2 ? new DoubleFFT_2D( size[ 1 ], size[ 0 ] ) : null;
			fft3 = size.length == 3 ? new DoubleFFT_3D( size[ 2 ], size[ 1 ], size[ 0 ] ) : null;
		}

		void forward()
		{
			if ( fft1 != null )
				fft1.complexForward( buffer );
			else if ( fft2 != null )
				fft2.complexForward( buffer );
			else
				fft3.complexForward( buffer );
		}

		/** Inverse transform without the 1/N, which the kernel's spectrum carries. */
		void inverse()
		{
			if ( fft1 != null )
				fft1.complexInverse( buffer, false );
			else if ( fft2 != null )
				fft2.complexInverse( buffer, false );
			else
				fft3.complexInverse( buffer, false );
		}
	}

	/** Transform sizes and tile steps for one kernel and output. */
	private static final class Plan
	{
		final int n;

		final int[] axes;

		/** Transform size per transformed axis. */
		final int[] size;

		/** Output tile size per image axis. */
		final int[] step;

		final int samples;

		final double tileWork;

		private Plan( final int n, final int[] axes, final int[] size, final int[] step )
		{
			this.n = n;
			this.axes = axes;
			this.size = size;
			this.step = step;
			int s = 1;
			double logs = 0;
			for ( final int m : size )
			{
				s *= m;
				logs += Math.log( m ) / Math.log( 2 );
			}
			samples = s;
			tileWork = ( s * ( logs + PER_SAMPLE ) + PER_TILE ) / 2; // two tiles per transform
		}

		/** Chooses per axis the transform size that makes the least work overall. */
		static Plan of( final Interval target, final Kernel kernel )
		{
			final int n = target.numDimensions();
			final int[] axes = fftAxes( kernel );
			final int[][] candidates = new int[ axes.length ][];
			for ( int j = 0; j < axes.length; j++ )
				candidates[ j ] = sizes( kernel.dimension( axes[ j ] ), target.dimension(
						axes[ j ] ) );
			final int parallelism = Parallelization.getTaskExecutor().getParallelism();
			final int[] pick = new int[ axes.length ];
			final int[] best = new int[ axes.length ];
			double bestWork = Double.MAX_VALUE;
			while ( true )
			{
				double tiles = 1, samples = 1, logs = 0;
				for ( int j = 0; j < axes.length; j++ )
				{
					final int m = candidates[ j ][ pick[ j ] ];
					final long out = m - kernel.dimension( axes[ j ] ) + 1;
					tiles *= ( target.dimension( axes[ j ] ) + out - 1 ) / out;
					samples *= m;
					logs += Math.log( m ) / Math.log( 2 );
				}
				// NB: pairs of tiles are what runs in parallel, so too few tiles leave cores idle.
				final double pairs = Math.ceil( tiles / 2 );
				final double work = tiles * ( samples * ( logs + PER_SAMPLE ) + PER_TILE )
						/ Math.min( pairs, parallelism );
				if ( samples <= MAX_TILE_SAMPLES && work < bestWork )
				{
					bestWork = work;
					System.arraycopy( pick, 0, best, 0, pick.length );
				}
				int j = 0;
				for ( ; j < axes.length; j++ )
				{
					if ( ++pick[ j ] < candidates[ j ].length )
						break;
					pick[ j ] = 0;
				}
				if ( j == axes.length )
					break;
			}
			final int[] size = new int[ axes.length ];
			final int[] step = new int[ n ];
			java.util.Arrays.fill( step, 1 );
			for ( int j = 0; j < axes.length; j++ )
			{
				size[ j ] = candidates[ j ][ best[ j ] ];
				step[ axes[ j ] ] = size[ j ] - kernel.dimension( axes[ j ] ) + 1;
			}
			return new Plan( n, axes, size, step );
		}

		/**
		 * Transform sizes 2^a, 3 x 2^a and 5 x 2^a, from a little above the
		 * kernel up to the first that covers the whole axis. NB: sizes with
		 * more factors of 3 and 5 (such as 270) fit the image more tightly but
		 * ran slower in JTransforms than these.
		 */
		private static int[] sizes( final int taps, final long length )
		{
			final long enough = length + taps - 1;
			final long smallest = taps + Math.min( 7, length - 1 );
			final List< Integer > list = new ArrayList<>();
			for ( long m = smallest; m < 1 << 24; m++ )
				if ( isFast( m ) )
				{
					list.add( ( int ) m );
					if ( m >= enough )
						break;
				}
			final int[] s = new int[ list.size() ];
			for ( int i = 0; i < s.length; i++ )
				s[ i ] = list.get( i );
			return s;
		}

		private static boolean isFast( long m )
		{
			while ( m % 2 == 0 )
				m /= 2;
			return m == 1 || m == 3 || m == 5;
		}

		/** The kernel, zero-padded to the transform size, transformed, over N. */
		double[] kernelSpectrum( final Kernel kernel )
		{
			final double[] buffer = new double[ 2 * samples ];
			final int[] k = new int[ n ];
			for ( int i = 0; i < kernel.size(); i++ )
			{
				int index = 0;
				int stride = 1;
				for ( int j = 0; j < axes.length; j++ )
				{
					index += k[ axes[ j ] ] * stride;
					stride *= size[ j ];
				}
				buffer[ 2 * index ] = kernel.weight( i );
				for ( int d = 0; d < n; d++ )
				{
					if ( ++k[ d ] < kernel.dimension( d ) )
						break;
					k[ d ] = 0;
				}
			}
			final Transform t = transform();
			System.arraycopy( buffer, 0, t.buffer, 0, buffer.length );
			t.forward();
			// NB: the inverse transform's 1/N goes here, once, not over every tile.
			final double scale = 1.0 / samples;
			for ( int i = 0; i < t.buffer.length; i++ )
				t.buffer[ i ] *= scale;
			return t.buffer;
		}

		/** Copies a block into the real ({@code part} 0) or imaginary (1) parts. */
		void load( final PaddedBlock block, final double[] buffer, final int part )
		{
			if ( block == null )
				return;
			final int[] dims = block.dims;
			final float[] data = block.data;
			final int lineLength = dims[ 0 ];
			final int[] line = new int[ n ];
			for ( int offset = 0; offset < data.length; offset += lineLength )
			{
				final int start = bufferIndex( line );
				final int step = axes.length > 0 && axes[ 0 ] == 0 ? 2 : 0;
				for ( int i = 0; i < lineLength; i++ )
					buffer[ start + i * step + part ] = data[ offset + i ];
				for ( int d = 1; d < n; d++ )
				{
					if ( ++line[ d ] < dims[ d ] )
						break;
					line[ d ] = 0;
				}
			}
		}

		/**
		 * Writes one tile's result, row by row, from the real ({@code part} 0)
		 * or imaginary (1) parts.
		 *
		 * @return {@code false} if the monitor canceled before the tile was
		 *         written in full
		 */
		boolean store( final double[] buffer, final int part, final Interval tile,
				final TargetRows rows, final FilterMonitor monitor )
		{
			final int len = ( int ) tile.dimension( 0 );
			final double[] values = new double[ len ];
			final int[] row = new int[ n ];
			final int step = axes.length > 0 && axes[ 0 ] == 0 ? 2 : 0;
			while ( true )
			{
				if ( monitor.isCanceled() )
					return false;
				final int start = bufferIndex( row );
				for ( int i = 0; i < len; i++ )
					values[ i ] = buffer[ start + i * step + part ];
				rows.accept( row, values, len );
				int d = 1;
				for ( ; d < n; d++ )
				{
					if ( ++row[ d ] < tile.dimension( d ) )
						break;
					row[ d ] = 0;
				}
				if ( d >= n )
					return true;
			}
		}

		/** Index (of the real part) in the buffer of a block position. */
		private int bufferIndex( final int[] position )
		{
			int index = 0;
			int stride = 1;
			for ( int j = 0; j < axes.length; j++ )
			{
				index += position[ axes[ j ] ] * stride;
				stride *= size[ j ];
			}
			return 2 * index;
		}

		Transform transform()
		{
			return new Transform( size );
		}
	}
}
