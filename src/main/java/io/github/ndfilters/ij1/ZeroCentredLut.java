package io.github.ndfilters.ij1;

import ij.process.LUT;

/**
 * A diverging lookup table for signed data: blue below zero, white at zero,
 * red above. With a display range symmetric about zero, zero is white.
 */
final class ZeroCentredLut
{
	private ZeroCentredLut()
	{}

	/** @return a new table, so each caller may set its own range */
	static LUT create( final double halfRange )
	{
		final byte[] r = new byte[ 256 ];
		final byte[] g = new byte[ 256 ];
		final byte[] b = new byte[ 256 ];
		for ( int i = 0; i < 256; i++ )
		{
			// NB: 127.5 is the middle of the table, so 127 and 128 are equally pale.
			final double s = Math.min( 1, Math.abs( i - 127.5 ) / 127.5 );
			final int fade = ( int ) Math.round( 255 * ( 1 - s ) );
			r[ i ] = ( byte ) ( i < 128 ? fade : 255 );
			g[ i ] = ( byte ) fade;
			b[ i ] = ( byte ) ( i < 128 ? 255 : fade );
		}
		final double h = halfRange > 0 ? halfRange : 1;
		return withRange( new LUT( r, g, b ), h );
	}

	private static LUT withRange( final LUT lut, final double halfRange )
	{
		lut.min = -halfRange;
		lut.max = halfRange;
		return lut;
	}
}
