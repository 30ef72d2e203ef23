package io.github.ndfilters.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

/**
 * Correlation through the Fourier domain, tile by tile (overlap-save), with
 * {@code float} transforms ({@link TileTransform}). Tile sizes are chosen per
 * kernel and image for the least estimated work.
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
 * <p>
 * Precision: each tile and the kernel are scaled by a power of two so that
 * their largest magnitude lies in [1, 2) before they are transformed, which
 * keeps every sample of float's range usable, and the scaling is undone
 * exactly at the end. The rounding of a float transform grows with the
 * logarithm of the tile's size and with the tile's whole energy rather than
 * one window's; on tiles of 80x80x80 and 384x384 the worst error measured
 * was below 1e-7 x scale, two orders of magnitude inside the promised 1e-5
 * (see FftPrecisionTest), so double transforms would cost time for nothing
 * a user could see.
 * </p>
 */
final class FftCorrelator
{
	/**
	 * Upper bound on samples per FFT tile (32 MiB of complex floats); a
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
		final int parallelism = Slabs.threads();
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
		final Spectrum spectrum = plan.kernelSpectrum( kernel );
		// NB: a pool local to this call, so the buffers go when the call ends.
		final Queue< TileTransform > idle = new ConcurrentLinkedQueue<>();
		Slabs.run( pairs, monitor, pair -> {
			final Interval a = tiles.get( ( int ) pair.min( 0 ) );
			final Interval b = pair.max( 0 ) > pair.min( 0 ) ? tiles.get( ( int ) pair.max( 0 ) )
					: null;
			final TileTransform free = idle.poll();
			final TileTransform transform = free != null ? free : plan.transform();
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
			final Plan plan, final Spectrum spectrum, final TileTransform transform,
			final Interval a, final Interval b, final FilterMonitor monitor )
	{
		final float[] buffer = transform.buffer;
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

		// NB: two blocks that fill the tile overwrite every sample, so only edge tiles need zeros.
		if ( !plan.fills( re ) || !plan.fills( im ) )
			java.util.Arrays.fill( buffer, 0 );
		final int exponentA = plan.load( re, buffer, 0 );
		final int exponentB = plan.load( im, buffer, 1 );
		transform.forward();
		final float[] k = spectrum.values;
		for ( int i = 0; i < buffer.length; i += 2 )
		{
			// times the conjugate of the kernel's spectrum: correlation, not convolution
			final float xr = buffer[ i ], xi = buffer[ i + 1 ];
			final float kr = k[ i ], ki = k[ i + 1 ];
			buffer[ i ] = xr * kr + xi * ki;
			buffer[ i + 1 ] = xi * kr - xr * ki;
		}
		transform.inverse( plan.outputs );
		if ( re != null && !store( plan, buffer, 0, exponentA + spectrum.exponent, a, target,
				monitor ) )
			return false;
		return im == null || store( plan, buffer, 1, exponentB + spectrum.exponent, b, target,
				monitor );
	}

	private static boolean store( final Plan plan, final float[] buffer, final int part,
			final int exponent, final Interval tile,
			final RandomAccessibleInterval< ? extends RealType< ? > > target,
			final FilterMonitor monitor )
	{
		return plan.store( buffer, part, exponent, tile, new TargetRows( target, tile
				.minAsLongArray(), monitor ), monitor );
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

	/** Transform sizes and tile steps for one kernel and output. */
	private static final class Plan
	{
		final int n;

		final int[] axes;

		/** Transform size per transformed axis. */
		final int[] size;

		/** Output tile size per image axis. */
		final int[] step;

		/** Output tile size per transformed axis: the positions the inverse must give. */
		final int[] outputs;

		/**
		 * Buffer distance between neighbours along the image's x: one complex
		 * sample if x is transformed, else 0, as a tile is then one sample wide.
		 */
		final int xStep;

		final int samples;

		final double tileWork;

		private Plan( final int n, final int[] axes, final int[] size, final int[] step )
		{
			this.n = n;
			this.axes = axes;
			this.size = size;
			this.step = step;
			xStep = axes.length > 0 && axes[ 0 ] == 0 ? 2 : 0;
			outputs = new int[ axes.length ];
			for ( int j = 0; j < axes.length; j++ )
				outputs[ j ] = step[ axes[ j ] ];
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
			final int parallelism = Slabs.threads();
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

		/**
		 * The kernel, zero-padded to the transform size and transformed, over
		 * N. NB: the weights are first scaled by a power of two so that the
		 * largest lies in [1, 2): float's range then holds any kernel, and the
		 * scaling is undone exactly when the tiles are stored.
		 */
		Spectrum kernelSpectrum( final Kernel kernel )
		{
			final TileTransform t = transform();
			final float[] buffer = t.buffer;
			double largest = 0;
			for ( int i = 0; i < kernel.size(); i++ )
				largest = Math.max( largest, Math.abs( kernel.weight( i ) ) );
			final int exponent = largest > 0 ? Math.getExponent( largest ) : 0;
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
				buffer[ 2 * index ] = ( float ) Math.scalb( kernel.weight( i ), -exponent );
				for ( int d = 0; d < n; d++ )
				{
					if ( ++k[ d ] < kernel.dimension( d ) )
						break;
					k[ d ] = 0;
				}
			}
			t.forward();
			// NB: the inverse transform's 1/N goes here, once, not over every tile.
			final float scale = 1.0f / samples;
			for ( int i = 0; i < buffer.length; i++ )
				buffer[ i ] *= scale;
			return new Spectrum( buffer, exponent );
		}

		/**
		 * Copies a block into the real ({@code part} 0) or imaginary (1) parts,
		 * scaled by a power of two so that its largest magnitude lies in
		 * [1, 2); this keeps float transforms of very large or very small
		 * samples from overflowing or losing digits.
		 *
		 * @return the binary exponent the samples were divided by
		 */
		int load( final PaddedBlock block, final float[] buffer, final int part )
		{
			if ( block == null )
				return 0;
			final int[] dims = block.dims;
			final float[] data = block.data;
			final int count = block.samples();
			float largest = 0;
			for ( int i = 0; i < count; i++ )
				largest = Math.max( largest, Math.abs( data[ i ] ) );
			final int exponent = largest > 0 ? Math.getExponent( largest ) : 0;
			final float scale = Math.scalb( 1.0f, -exponent );
			final int lineLength = dims[ 0 ];
			final int[] line = new int[ n ];
			for ( int offset = 0; offset < count; offset += lineLength )
			{
				final int start = bufferIndex( line ) + part;
				for ( int i = 0; i < lineLength; i++ )
					buffer[ start + i * xStep ] = data[ offset + i ] * scale;
				for ( int d = 1; d < n; d++ )
				{
					if ( ++line[ d ] < dims[ d ] )
						break;
					line[ d ] = 0;
				}
			}
			return exponent;
		}

		/**
		 * Writes one tile's result, row by row, from the real ({@code part} 0)
		 * or imaginary (1) parts, times 2 to the power {@code exponent}.
		 *
		 * @return {@code false} if the monitor canceled before the tile was
		 *         written in full
		 */
		boolean store( final float[] buffer, final int part, final int exponent,
				final Interval tile, final TargetRows rows, final FilterMonitor monitor )
		{
			// NB: one multiplication is exact while the factor is a normal double.
			final double factor = Math.scalb( 1.0, exponent );
			final boolean normal = exponent >= Double.MIN_EXPONENT
					&& exponent <= Double.MAX_EXPONENT;
			final int len = ( int ) tile.dimension( 0 );
			final double[] values = new double[ len ];
			final int[] row = new int[ n ];
			while ( true )
			{
				if ( monitor.isCanceled() )
					return false;
				final int start = bufferIndex( row ) + part;
				for ( int i = 0; i < len; i++ )
					values[ i ] = normal ? buffer[ start + i * xStep ] * factor
							: Math.scalb( ( double ) buffer[ start + i * xStep ], exponent );
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

		/**
		 * @return whether the block covers the whole transform (the block is
		 *         never larger, and is one sample wide on untransformed axes)
		 */
		boolean fills( final PaddedBlock block )
		{
			return block != null && block.samples() == samples;
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

		TileTransform transform()
		{
			return new TileTransform( size );
		}
	}

	/** A kernel's spectrum, and the binary exponent its weights were divided by. */
	private static final class Spectrum
	{
		final float[] values;

		final int exponent;

		Spectrum( final float[] values, final int exponent )
		{
			this.values = values;
			this.exponent = exponent;
		}
	}
}
