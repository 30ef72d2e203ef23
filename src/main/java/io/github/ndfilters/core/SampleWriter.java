package io.github.ndfilters.core;

import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;

/**
 * Stores a computed value into an output sample. Integer outputs are rounded
 * half away from zero and saturated to the type's range, never wrapped; NaN
 * becomes 0 there because an integer has no way to say "undefined".
 */
final class SampleWriter
{
	private final boolean integral;

	private final double lowest;

	private final double highest;

	SampleWriter( final RealType< ? > type )
	{
		integral = type instanceof IntegerType;
		lowest = type.getMinValue();
		highest = type.getMaxValue();
	}

	void write( final RealType< ? > sample, final double value )
	{
		sample.setReal( integral ? toIntegral( value, lowest, highest ) : value );
	}

	/**
	 * @return {@code value} rounded half away from zero and saturated to
	 *         {@code [lowest, highest]}; 0 for NaN
	 */
	static double toIntegral( final double value, final double lowest, final double highest )
	{
		if ( Double.isNaN( value ) )
			return 0;
		final double rounded = Math.copySign( Math.floor( Math.abs( value ) + 0.5 ), value );
		return Math.max( lowest, Math.min( highest, rounded ) );
	}
}
