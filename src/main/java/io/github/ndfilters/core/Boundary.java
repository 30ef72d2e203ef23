package io.github.ndfilters.core;

/**
 * What lies beyond the edge of an image, for samples {@code a b c d}.
 * <p>
 * Each mode folds a coordinate that falls outside {@code [0, size)} back onto
 * the image, as often as needed, so a kernel wider than the image still sees
 * a well-defined value everywhere:
 * </p>
 *
 * <pre>
 * ZERO       0 0 0 0 | a b c d | 0 0 0 0
 * CONSTANT   v v v v | a b c d | v v v v
 * REPLICATE  a a a a | a b c d | d d d d
 * SYMMETRIC  d c b a | a b c d | d c b a    (period 2n)
 * MIRROR     d c b   | a b c d | c b a      (period 2n - 2)
 * PERIODIC   a b c d | a b c d | a b c d    (period n)
 * </pre>
 *
 * The tokens ({@link #token()}) are what users type in macros.
 */
public enum Boundary
{
	ZERO( "zero" ),
	CONSTANT( "constant" ),
	REPLICATE( "replicate" ),
	SYMMETRIC( "symmetric" ),
	MIRROR( "mirror" ),
	PERIODIC( "periodic" );

	/** Returned by {@link #fold} for a position that takes the constant value. */
	public static final long OUTSIDE = -1;

	private final String token;

	Boundary( final String token )
	{
		this.token = token;
	}

	/** @return the lower-case name used in macros and dialogs */
	public String token()
	{
		return token;
	}

	/** @return {@code true} if positions beyond the edge take a fixed value */
	public boolean isConstant()
	{
		return this == ZERO || this == CONSTANT;
	}

	/**
	 * Maps a position on an axis of the given size onto the axis.
	 *
	 * @param position
	 *            any position, relative to the axis start
	 * @param size
	 *            the number of samples on the axis, at least 1
	 * @return an index in {@code [0, size)}, or {@link #OUTSIDE} if the
	 *         position takes the constant value
	 */
	public long fold( final long position, final long size )
	{
		if ( position >= 0 && position < size )
			return position;
		switch ( this )
		{
		case REPLICATE:
			return position < 0 ? 0 : size - 1;
		case PERIODIC:
			return Math.floorMod( position, size );
		case SYMMETRIC:
		{
			final long m = Math.floorMod( position, 2 * size );
			return m < size ? m : 2 * size - 1 - m;
		}
		case MIRROR:
		{
			// NB: a single sample has no neighbour to mirror through; it repeats.
			if ( size == 1 )
				return 0;
			final long period = 2 * size - 2;
			final long m = Math.floorMod( position, period );
			return m < size ? m : period - m;
		}
		default:
			return OUTSIDE;
		}
	}

	/**
	 * Finds the mode for a token, ignoring case.
	 *
	 * @throws IllegalArgumentException
	 *             naming the accepted tokens if none matches
	 */
	public static Boundary fromToken( final String token )
	{
		return Tokens.parse( values(), Boundary::token, token, "boundary" );
	}

	/** @return the accepted tokens, comma separated */
	public static String tokens()
	{
		return Tokens.list( values(), Boundary::token );
	}
}
