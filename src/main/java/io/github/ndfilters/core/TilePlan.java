package io.github.ndfilters.core;

import net.imglib2.Interval;

/**
 * The transform sizes of one shape of FFT tile ({@link FftTiling}), and how a
 * tile's block goes into a transform buffer and its result comes out.
 * <p>
 * A buffer holds two tiles, one in the real and one in the imaginary parts,
 * complex interleaved with the first transformed axis fastest. Axes that are
 * not transformed are one sample thick in a tile.
 * </p>
 */
final class TilePlan
{
	private final int n;

	private final int[] axes;

	/** Transform size per transformed axis. */
	final int[] size;

	/** Outputs per transformed axis: the positions the inverse must give. */
	final int[] outputs;

	/**
	 * Buffer distance between neighbours along the image's x: one complex
	 * sample if x is transformed, else 0, as a tile is then one sample wide.
	 */
	private final int xStep;

	/** Complex samples of one transform. */
	final int samples;

	TilePlan( final int n, final int[] axes, final int[] size, final int[] outputs )
	{
		this.n = n;
		this.axes = axes;
		this.size = size;
		this.outputs = outputs;
		xStep = axes.length > 0 && axes[ 0 ] == 0 ? 2 : 0;
		int s = 1;
		for ( final int m : size )
			s *= m;
		samples = s;
	}

	/**
	 * The kernel, zero-padded to the transform size and transformed, over N.
	 * NB: the weights are first scaled by a power of two so that the largest
	 * lies in [1, 2): float's range then holds any kernel, and the scaling is
	 * undone exactly when the tiles are stored.
	 */
	Spectrum kernelSpectrum( final Kernel kernel )
	{
		final TileTransform t = new TileTransform( size );
		final float[] buffer = t.buffer;
		double largest = 0;
		for ( int i = 0; i < kernel.size(); i++ )
			largest = Math.max( largest, Math.abs( kernel.weight( i ) ) );
		final int exponent = largest > 0 ? Math.getExponent( largest ) : 0;
		final int[] k = new int[ n ];
		for ( int i = 0; i < kernel.size(); i++ )
		{
			buffer[ bufferIndex( k ) ] = ( float ) Math.scalb( kernel.weight( i ), -exponent );
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
	 * scaled by a power of two so that its largest magnitude lies in [1, 2);
	 * this keeps float transforms of very large or very small samples from
	 * overflowing or losing digits.
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
	 * Writes one tile's result, row by row, from the real ({@code part} 0) or
	 * imaginary (1) parts, times 2 to the power {@code exponent}.
	 *
	 * @return {@code false} if the monitor canceled before the tile was
	 *         written in full
	 */
	boolean store( final float[] buffer, final int part, final int exponent, final Interval tile,
			final TargetRows rows, final FilterMonitor monitor )
	{
		// NB: one multiplication is exact while the factor is a normal double.
		final double factor = Math.scalb( 1.0, exponent );
		final boolean normal = exponent >= Double.MIN_EXPONENT && exponent <= Double.MAX_EXPONENT;
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
			rows.accept( row, values, 0, len );
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
	 * @return whether the block covers the whole transform (the block is never
	 *         larger, and is one sample wide on untransformed axes)
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

	/** A kernel's spectrum, and the binary exponent its weights were divided by. */
	static final class Spectrum
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
