package io.github.ndfilters.core;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Forward and inverse discrete Fourier transforms of one tile size, over one
 * to three axes, on an interleaved complex {@code float} buffer (real, then
 * imaginary part; the first axis fastest). One instance belongs to one thread.
 * <p>
 * The transforms are JTransforms' 1-D ones, applied axis by axis. On the
 * slower axes, many neighbouring columns are gathered into a scratch array at
 * once, so each cache line of the tile is fetched once per pass instead of
 * once per column. Both directions finish the faster axes of one slice of the
 * slowest axis before they go on to the next, while the slice is in cache.
 * </p>
 * <p>
 * The inverse may be pruned: overlap-save keeps only the first few positions
 * of a tile per axis, so after the slower axes have been transformed back,
 * the faster axes are transformed only where those positions lie.
 * </p>
 */
final class TileTransform
{
	/**
	 * Complex samples gathered at once for a column pass (128 KiB): many
	 * neighbouring columns, so that every row is read as a long run, which
	 * the processor prefetches, while the batch stays in the second-level
	 * cache.
	 */
	private static final int BATCH_SAMPLES = 1 << 14;

	/**
	 * The tile, complex interleaved, first axis fastest; it may be longer
	 * than the transform.
	 */
	final float[] buffer;

	private final int[] size;

	/** Distance, in complex samples, between neighbours along each axis. */
	private final int[] stride;

	private final FloatFFT_1D[] lines;

	private final float[] scratch;

	/** @param size the transform length per axis, fastest first */
	TileTransform( final int[] size )
	{
		this( size, null );
	}

	/**
	 * @param size
	 *            the transform length per axis, fastest first
	 * @param buffer
	 *            the buffer to transform in, at least twice as long as the
	 *            transform has samples; {@code null} for a new one. Transforms
	 *            of several sizes may share one buffer, one at a time.
	 */
	TileTransform( final int[] size, final float[] buffer )
	{
		this.size = size.clone();
		stride = new int[ size.length ];
		lines = new FloatFFT_1D[ size.length ];
		int samples = 1;
		for ( int j = 0; j < size.length; j++ )
		{
			stride[ j ] = samples;
			samples *= size[ j ];
			lines[ j ] = new FloatFFT_1D( size[ j ] );
		}
		this.buffer = buffer != null ? buffer : new float[ 2 * samples ];
		if ( this.buffer.length < 2 * samples )
			throw new IllegalArgumentException( "The buffer is too short for the transform." );
		int widest = 1;
		for ( int j = 1; j < size.length; j++ )
			widest = Math.max( widest, batch( j ) * columnStride( j ) );
		scratch = new float[ widest ];
	}

	/** Transforms the whole buffer, in place. */
	void forward()
	{
		final int last = size.length - 1;
		final int[] from = new int[ size.length ];
		final int[] limit = size.clone();
		// NB: the faster axes slice by slice, while a slice is in cache
		for ( int slice = 0; slice < size[ last ]; slice++ )
		{
			from[ last ] = slice;
			limit[ last ] = slice + 1;
			for ( int j = 0; j < last; j++ )
				pass( j, from, limit, true );
		}
		from[ last ] = 0;
		limit[ last ] = size[ last ];
		pass( last, from, limit, true );
	}

	/**
	 * Transforms back, in place, without dividing by the number of samples.
	 * Afterwards only the positions below {@code needed} on every axis hold
	 * the inverse transform; the others hold partial results.
	 */
	void inverse( final int[] needed )
	{
		final int last = size.length - 1;
		final int[] from = new int[ size.length ];
		pass( last, from, size, false );
		final int slices = Math.min( needed[ last ], size[ last ] );
		for ( int slice = 0; slice < slices; slice++ )
		{
			final int[] limit = size.clone();
			from[ last ] = slice;
			limit[ last ] = slice + 1;
			for ( int j = last - 1; j >= 0; j-- )
			{
				pass( j, from, limit, false );
				limit[ j ] = Math.min( needed[ j ], size[ j ] );
			}
		}
	}

	/**
	 * Transforms along {@code axis} every line whose coordinates on the slower
	 * axes lie in {@code [from, limit)}; the faster axes are covered in full.
	 */
	private void pass( final int axis, final int[] from, final int[] limit,
			final boolean forward )
	{
		final int[] plane = from.clone();
		while ( true )
		{
			int base = 0;
			for ( int j = axis + 1; j < size.length; j++ )
				base += plane[ j ] * stride[ j ];
			if ( axis == 0 )
				transform( lines[ 0 ], buffer, 2 * base, forward );
			else
				columns( axis, base, forward );
			int j = axis + 1;
			for ( ; j < size.length; j++ )
			{
				if ( ++plane[ j ] < limit[ j ] )
					break;
				plane[ j ] = from[ j ];
			}
			if ( j >= size.length )
				return;
		}
	}

	/** Transforms all columns along {@code axis} that start at {@code base} and after. */
	private void columns( final int axis, final int base, final boolean forward )
	{
		final int length = size[ axis ];
		final int step = 2 * stride[ axis ];
		final int width = stride[ axis ];
		final int batch = batch( axis );
		final int columnStride = columnStride( axis );
		for ( int first = 0; first < width; first += batch )
		{
			final int count = Math.min( batch, width - first );
			for ( int i = 0, at = 2 * ( base + first ); i < length; i++, at += step )
				for ( int c = 0, to = 2 * i; c < count; c++, to += columnStride )
				{
					scratch[ to ] = buffer[ at + 2 * c ];
					scratch[ to + 1 ] = buffer[ at + 2 * c + 1 ];
				}
			for ( int c = 0; c < count; c++ )
				transform( lines[ axis ], scratch, c * columnStride, forward );
			for ( int i = 0, at = 2 * ( base + first ); i < length; i++, at += step )
				for ( int c = 0, from = 2 * i; c < count; c++, from += columnStride )
				{
					buffer[ at + 2 * c ] = scratch[ from ];
					buffer[ at + 2 * c + 1 ] = scratch[ from + 1 ];
				}
		}
	}

	/**
	 * @return the distance, in floats, between gathered columns along
	 *         {@code axis}: one cache line more than a column, so that
	 *         neighbouring columns of a power-of-two length do not all fall
	 *         into the same cache sets (512-sample columns, 4 KiB apart, ran
	 *         the 2-D transform at half speed)
	 */
	private int columnStride( final int axis )
	{
		return 2 * size[ axis ] + 16;
	}

	/** @return how many columns along {@code axis} are transformed together */
	private int batch( final int axis )
	{
		return Math.min( stride[ axis ], Math.max( 16, BATCH_SAMPLES / size[ axis ] ) );
	}

	private static void transform( final FloatFFT_1D fft, final float[] data, final int offset,
			final boolean forward )
	{
		if ( forward )
			fft.complexForward( data, offset );
		else
			fft.complexInverse( data, offset, false );
	}
}
