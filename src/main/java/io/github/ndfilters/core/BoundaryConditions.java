package io.github.ndfilters.core;

import java.util.Arrays;

/**
 * A {@link Boundary} mode per axis, and the value that {@link Boundary#CONSTANT}
 * uses. The last mode given applies to every further axis, so one mode covers
 * an image of any dimensionality. Where a position lies beyond the edge on
 * several axes whose modes are {@code ZERO} and {@code CONSTANT}, the lowest of
 * those axes decides its value.
 */
public final class BoundaryConditions
{
	private final Boundary[] modes;

	private final double value;

	private BoundaryConditions( final Boundary[] modes, final double value )
	{
		this.modes = modes;
		this.value = value;
	}

	/** One mode for every axis; {@code CONSTANT} uses 0. */
	public static BoundaryConditions of( final Boundary mode )
	{
		return perAxis( 0, mode );
	}

	/** {@link Boundary#CONSTANT} on every axis, with the given value. */
	public static BoundaryConditions constant( final double value )
	{
		return perAxis( value, Boundary.CONSTANT );
	}

	/**
	 * @param value
	 *            the value beyond the edge on axes whose mode is
	 *            {@code CONSTANT}
	 * @param modes
	 *            a mode per axis; the last one repeats for further axes
	 */
	public static BoundaryConditions perAxis( final double value, final Boundary... modes )
	{
		if ( modes == null || modes.length == 0 )
			throw new IllegalArgumentException( "Give at least one boundary mode." );
		for ( final Boundary m : modes )
			if ( m == null )
				throw new IllegalArgumentException(
						"Give a boundary mode for every axis; one is missing (null)." );
		// NB: an infinite value would turn every zero weight over the edge into NaN.
		if ( !Double.isFinite( value ) )
			throw new IllegalArgumentException( "The constant boundary value is " + value
					+ "; give a finite number." );
		return new BoundaryConditions( modes.clone(), value );
	}

	/** @return the mode on axis {@code d} */
	public Boundary mode( final int d )
	{
		return modes[ Math.min( d, modes.length - 1 ) ];
	}

	/** @return the value of positions that fold to {@link Boundary#OUTSIDE} */
	public double outsideValue( final int d )
	{
		return mode( d ) == Boundary.ZERO ? 0 : value;
	}

	public double value()
	{
		return value;
	}

	@Override
	public String toString()
	{
		return Arrays.toString( modes ) + ( value != 0 ? " value " + value : "" );
	}
}
