package io.github.ndfilters.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.github.ndfilters.core.Kernel;

/**
 * Reads and writes kernels as the text a user types into a dialog or a macro.
 * <p>
 * Numbers are separated by spaces, tabs or commas; each line is one row along
 * y; in a 3-D kernel, the z planes are separated by a blank line. Blank lines
 * and spaces at the start and end of the text are ignored, and Windows line
 * ends are accepted. One line gives a 1-D kernel, one block of lines a 2-D
 * kernel, several blocks a 3-D kernel. The centre is {@code size / 2} on each
 * axis.
 * </p>
 *
 * <pre>
 * Kernel k2 = KernelText.parse( "1 2 3\n4 5 6\n7 8 9" );     // 3x3
 * Kernel k3 = KernelText.parse( "1 2\n3 4\n\n5 6\n7 8" );    // 2x2x2
 * </pre>
 *
 * A malformed kernel is an {@link IllegalArgumentException} whose message
 * names the row (and plane) at fault and says how to fix it; nothing is ever
 * read as zero. Numbers are plain decimals ({@code -0.25}, {@code 1e-3});
 * {@code NaN} and infinities are refused, and so is a row such as
 * {@code 0,5 0,25} whose commas look like decimal marks.
 */
public final class KernelText
{
	private static final Pattern LINE_BREAK = Pattern.compile( "\r\n|\r|\n" );

	private static final Pattern SEPARATOR = Pattern.compile( "[ \t]*,[ \t]*|[ \t]+" );

	/** A plain decimal number; Java's own parser would also take "1d" or "0x1p3". */
	private static final Pattern NUMBER = Pattern.compile(
			"[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?" );

	/** A comma between two digits, such as the decimal comma of "0,5". */
	private static final Pattern DECIMAL_COMMA = Pattern.compile( "\\d,\\d" );

	/** Spaces between two numbers with no comma. */
	private static final Pattern BARE_SPACE = Pattern.compile( "[\\d.][ \t]+[-+.\\d]" );

	private static final Pattern NOT_FINITE = Pattern.compile(
			"[+-]?(nan|inf|infinity|∞)", Pattern.CASE_INSENSITIVE );

	private KernelText()
	{}

	/**
	 * Reads a kernel from text.
	 *
	 * @param text
	 *            numbers separated by spaces, tabs or commas, one line per
	 *            row, planes separated by a blank line
	 * @return the kernel, with 1, 2 or 3 axes as the text has
	 * @throws IllegalArgumentException
	 *             if the text is empty or malformed, naming the row and plane
	 *             at fault
	 */
	public static Kernel parse( final String text )
	{
		final List< List< double[] > > planes = planes( text );
		final int width = planes.get( 0 ).get( 0 ).length;
		final int height = planes.get( 0 ).size();
		for ( int z = 0; z < planes.size(); z++ )
		{
			final List< double[] > plane = planes.get( z );
			for ( int y = 0; y < plane.size(); y++ )
				if ( plane.get( y ).length != width )
					throw new IllegalArgumentException( where( planes.size() > 1, z, y )
							+ " has " + plane.get( y ).length + count( plane.get( y ).length )
							+ " but the first row has " + width + ". Every row needs the same"
							+ " number of values; fill gaps with 0." );
			if ( plane.size() != height )
				throw new IllegalArgumentException( "Kernel plane " + ( z + 1 ) + " has "
						+ plane.size() + " rows but plane 1 has " + height + ". Every z plane"
						+ " needs the same number of rows; separate planes by one blank line." );
		}
		final double[] weights = new double[ width * height * planes.size() ];
		int i = 0;
		for ( final List< double[] > plane : planes )
			for ( final double[] row : plane )
				for ( final double w : row )
					weights[ i++ ] = w;
		if ( planes.size() > 1 )
			return Kernel.of( weights, width, height, planes.size() );
		if ( height > 1 )
			return Kernel.of( weights, width, height );
		return Kernel.of( weights, width );
	}

	/**
	 * Writes a kernel of up to three axes in the form {@link #parse} reads,
	 * with {@code \n} line ends. The centre is not written.
	 *
	 * @throws IllegalArgumentException
	 *             if the kernel has more than three axes of size above 1
	 */
	public static String format( final Kernel kernel )
	{
		for ( int d = 3; d < kernel.numDimensions(); d++ )
			if ( kernel.dimension( d ) > 1 )
				throw new IllegalArgumentException( "Kernel text holds at most three axes, but"
						+ " this kernel is " + kernel.dimension( d ) + " long on axis " + d
						+ "; use a kernel image instead." );
		final Kernel k = kernel.numDimensions() < 3 ? kernel : kernel.withDimensions( 3 );
		final int width = k.dimension( 0 ), height = k.dimension( 1 ), depth = k.dimension( 2 );
		final StringBuilder sb = new StringBuilder();
		int i = 0;
		for ( int z = 0; z < depth; z++ )
		{
			if ( z > 0 )
				sb.append( '\n' );
			for ( int y = 0; y < height; y++ )
			{
				for ( int x = 0; x < width; x++ )
					sb.append( x == 0 ? "" : " " ).append( number( k.weight( i++ ) ) );
				sb.append( '\n' );
			}
		}
		return sb.toString();
	}

	/** Splits the text into planes of rows of numbers, each non-empty. */
	private static List< List< double[] > > planes( final String text )
	{
		final String[] lines = text == null ? new String[ 0 ]
				: LINE_BREAK.split( text.strip(), -1 );
		boolean layered = false;
		for ( final String line : lines )
			layered |= line.isBlank();
		final List< List< double[] > > planes = new ArrayList<>();
		List< double[] > plane = new ArrayList<>();
		for ( final String line : lines )
		{
			final String row = line.strip();
			if ( row.isEmpty() )
			{
				// NB: several blank lines in a row count as one separator; a
				// stray extra line should not turn into an empty plane.
				if ( !plane.isEmpty() )
					planes.add( plane );
				plane = new ArrayList<>();
				continue;
			}
			plane.add( numbers( row, layered, planes.size(), plane.size(), lines.length == 1 ) );
		}
		if ( !plane.isEmpty() )
			planes.add( plane );
		if ( planes.isEmpty() )
			throw new IllegalArgumentException( "The kernel is empty. Type numbers separated"
					+ " by spaces or commas, one line per row, for example \"1 2 1\", or give"
					+ " a preset name (" + KernelPresets.summary() + ") or the title of an"
					+ " open image." );
		return planes;
	}

	private static double[] numbers( final String row, final boolean layered, final int z,
			final int y, final boolean onlyLine )
	{
		final String at = where( layered, z, y );
		if ( DECIMAL_COMMA.matcher( row ).find() && BARE_SPACE.matcher( row ).find() )
			throw new IllegalArgumentException( at + " separates numbers both by bare commas"
					+ " and by spaces ('" + row + "'), as if the commas were decimal marks."
					+ " Write decimals with a point (0.5) and separate all numbers alike." );
		final String[] fields = SEPARATOR.split( row, -1 );
		final double[] values = new double[ fields.length ];
		for ( int x = 0; x < fields.length; x++ )
			values[ x ] = number( fields[ x ], at, x, onlyLine );
		return values;
	}

	private static double number( final String field, final String at, final int x,
			final boolean alone )
	{
		if ( field.isEmpty() )
			throw new IllegalArgumentException( at + " has an empty value at position "
					+ ( x + 1 ) + " (two commas in a row, or a comma at an end of the row)."
					+ " Write a number there, or remove the extra comma." );
		if ( NOT_FINITE.matcher( field ).matches() )
			throw new IllegalArgumentException( at + ", value " + ( x + 1 ) + " is '" + field
					+ "'; a kernel weight must be a finite number." );
		if ( !NUMBER.matcher( field ).matches() )
		{
			final String hint = alone ? " To use an open image as the kernel, give its exact"
					+ " title; named kernels are: " + KernelPresets.summary() + "."
					: " Use digits with a decimal point, such as 0.25 or -1e-3.";
			throw new IllegalArgumentException( at + ", value " + ( x + 1 ) + ": '" + field
					+ "' is not a number." + hint );
		}
		final double value = Double.parseDouble( field );
		if ( !Double.isFinite( value ) )
			throw new IllegalArgumentException( at + ", value " + ( x + 1 ) + " (" + field
					+ ") is too large for a number; scale the kernel down." );
		return value;
	}

	/** Names a row for a message: "Kernel row 2", or "Kernel row 2 of plane 3". */
	private static String where( final boolean layered, final int z, final int y )
	{
		return "Kernel row " + ( y + 1 ) + ( layered ? " of plane " + ( z + 1 ) : "" );
	}

	private static String count( final int n )
	{
		return n == 1 ? " value" : " values";
	}

	private static String number( final double w )
	{
		if ( w == Math.rint( w ) && Math.abs( w ) < 1e15 )
			return Long.toString( ( long ) w );
		return Double.toString( w );
	}
}
