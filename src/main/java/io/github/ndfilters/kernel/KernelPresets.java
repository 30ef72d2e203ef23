package io.github.ndfilters.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.github.ndfilters.core.Kernel;

/**
 * Named kernels a user can pick instead of typing numbers.
 * <p>
 * A preset is a name, optionally followed by numbers separated by spaces;
 * case does not matter:
 * </p>
 *
 * <pre>
 * sobel-x, sobel-y, sobel-z     3x3 (3x3x3 for z) gradient; correlate gives +d/dx
 * prewitt-x, prewitt-y          3x3 gradient with flat smoothing
 * laplacian, laplacian-3d       4- and 6-neighbour Laplacian
 * box &lt;size&gt;                    size x size, every weight 1 / size^2;
 *                               box &lt;w&gt; &lt;h&gt; [&lt;d&gt;] per axis
 * gaussian &lt;sigma&gt;              sampled, sums to 1, 2*ceil(3 sigma)+1 wide per axis;
 *                               gaussian &lt;sx&gt; &lt;sy&gt; [&lt;sz&gt;] per axis (0 = size 1)
 * motion &lt;length&gt; &lt;angle&gt;       a line of length pixels at angle degrees
 *                               (counter-clockwise on screen from +x), sums to 1
 * </pre>
 *
 * <pre>
 * Kernel k = KernelPresets.find( "gaussian 1.5" ).orElseThrow();
 * </pre>
 */
public final class KernelPresets
{
	/** At most this many weights, so a slip of the keyboard cannot exhaust memory. */
	static final long MAX_ELEMENTS = 1L << 24;

	private static final Map< String, Preset > PRESETS = new LinkedHashMap<>();

	static
	{
		fixed( "sobel-x", "-1 0 1\n-2 0 2\n-1 0 1" );
		fixed( "sobel-y", "-1 -2 -1\n0 0 0\n1 2 1" );
		fixed( "sobel-z", "-1 -2 -1\n-2 -4 -2\n-1 -2 -1\n\n0 0 0\n0 0 0\n0 0 0\n\n"
				+ "1 2 1\n2 4 2\n1 2 1" );
		fixed( "prewitt-x", "-1 0 1\n-1 0 1\n-1 0 1" );
		fixed( "prewitt-y", "-1 -1 -1\n0 0 0\n1 1 1" );
		fixed( "laplacian", "0 1 0\n1 -4 1\n0 1 0" );
		fixed( "laplacian-3d", "0 0 0\n0 1 0\n0 0 0\n\n0 1 0\n1 -6 1\n0 1 0\n\n"
				+ "0 0 0\n0 1 0\n0 0 0" );
		PRESETS.put( "box", new Preset( "box <size>", "box 3", 1, 3, KernelPresets::box ) );
		PRESETS.put( "gaussian", new Preset( "gaussian <sigma>", "gaussian 2", 1, 3,
				KernelPresets::gaussian ) );
		PRESETS.put( "motion", new Preset( "motion <length> <angle>", "motion 9 45", 2, 2,
				KernelPresets::motion ) );
	}

	private KernelPresets()
	{}

	/**
	 * Looks up a preset.
	 *
	 * @param text
	 *            a preset name and its numbers, such as {@code "gaussian 2"}
	 * @return the kernel, or empty if the text does not start with a preset
	 *         name (it may be kernel text or an image title)
	 * @throws IllegalArgumentException
	 *             if the text names a preset but its numbers are missing or
	 *             out of range; the message shows the right form
	 */
	public static Optional< Kernel > find( final String text )
	{
		if ( text == null )
			return Optional.empty();
		final String[] words = text.strip().toLowerCase( Locale.ROOT ).split( "\\s+" );
		final Preset preset = PRESETS.get( words[ 0 ] );
		if ( preset == null )
			return Optional.empty();
		final int given = words.length - 1;
		if ( given < preset.minArguments || given > preset.maxArguments )
			throw new IllegalArgumentException( "The kernel '" + words[ 0 ] + "' "
					+ ( preset.maxArguments == 0 ? "takes no numbers"
							: "is written " + preset.syntax + moreAxes( preset ) )
					+ ", for example \"" + preset.example + "\"." );
		final double[] arguments = new double[ given ];
		for ( int i = 0; i < given; i++ )
			arguments[ i ] = argument( words[ i + 1 ], preset );
		return Optional.of( preset.build.apply( arguments ) );
	}

	/** @return one ready-to-use entry per preset, for a dialog's choice list */
	public static List< String > names()
	{
		final List< String > names = new ArrayList<>();
		for ( final Preset p : PRESETS.values() )
			names.add( p.example );
		return Collections.unmodifiableList( names );
	}

	/** @return each preset's form, such as {@code "box <size>"} */
	public static List< String > forms()
	{
		final List< String > forms = new ArrayList<>();
		for ( final Preset p : PRESETS.values() )
			forms.add( p.syntax );
		return Collections.unmodifiableList( forms );
	}

	/** @return the preset forms, comma separated, for messages and help text */
	public static String summary()
	{
		return String.join( ", ", forms() );
	}

	// -- The parametric presets --

	private static Kernel box( final double[] sizes )
	{
		final double[] perAxis = sizes.length == 1 ? new double[] { sizes[ 0 ], sizes[ 0 ] }
				: sizes;
		final int[] dims = new int[ perAxis.length ];
		for ( int d = 0; d < dims.length; d++ )
			dims[ d ] = whole( perAxis[ d ], "box", "size" );
		final double[] weights = new double[ checkedCount( dims, "box" ) ];
		Arrays.fill( weights, 1.0 / weights.length );
		return Kernel.of( weights, dims );
	}

	private static Kernel gaussian( final double[] sigmas )
	{
		final double[] perAxis = sigmas.length == 1 ? new double[] { sigmas[ 0 ], sigmas[ 0 ] }
				: sigmas;
		final double[][] lines = new double[ perAxis.length ][];
		final int[] dims = new int[ perAxis.length ];
		for ( int d = 0; d < perAxis.length; d++ )
		{
			final double sigma = perAxis[ d ];
			if ( sigma < 0 || sigma > 1000 )
				throw new IllegalArgumentException( "A Gaussian's sigma must lie between 0 and"
						+ " 1000 pixels, got " + sigma + ". Write for example \"gaussian 2\"." );
			lines[ d ] = gaussianLine( sigma );
			dims[ d ] = lines[ d ].length;
		}
		final double[] weights = new double[ checkedCount( dims, "gaussian" ) ];
		double sum = 0;
		for ( int i = 0; i < weights.length; i++ )
		{
			double w = 1;
			int rest = i;
			for ( int d = 0; d < dims.length; d++ )
			{
				w *= lines[ d ][ rest % dims[ d ] ];
				rest /= dims[ d ];
			}
			weights[ i ] = w;
			sum += w;
		}
		for ( int i = 0; i < weights.length; i++ )
			weights[ i ] /= sum;
		return Kernel.of( weights, dims );
	}

	/** exp(-x^2 / 2 sigma^2) for x = -r .. r, r = ceil(3 sigma); a single 1 for sigma 0. */
	private static double[] gaussianLine( final double sigma )
	{
		final int radius = ( int ) Math.ceil( 3 * sigma );
		final double[] line = new double[ 2 * radius + 1 ];
		if ( radius == 0 )
		{
			line[ 0 ] = 1;
			return line;
		}
		// NB: computed from x * x, so the weights at -x and +x are identical
		// and the kernel is exactly point-symmetric.
		for ( int x = -radius; x <= radius; x++ )
			line[ x + radius ] = Math.exp( -( double ) x * x / ( 2 * sigma * sigma ) );
		return line;
	}

	/**
	 * Rasterises a line through the centre: one pixel per step along the axis
	 * the line runs closer to, {@code length} steps at offsets
	 * {@code -length/2 .. length - 1 - length/2}, the other coordinate rounded
	 * half away from zero. An odd length thus gives a point-symmetric kernel.
	 */
	private static Kernel motion( final double[] arguments )
	{
		final int length = whole( arguments[ 0 ], "motion", "length" );
		if ( length > 100_000 )
			throw new IllegalArgumentException( "A motion kernel of length " + length
					+ " is too long; use at most 100000 pixels." );
		final double radians = Math.toRadians( arguments[ 1 ] );
		final double dx = Math.cos( radians );
		// NB: image y points down, so a counter-clockwise angle on screen goes to -y.
		final double dy = -Math.sin( radians );
		final boolean alongX = Math.abs( dx ) >= Math.abs( dy );
		final long[] xs = new long[ length ], ys = new long[ length ];
		long minX = 0, maxX = 0, minY = 0, maxY = 0;
		for ( int k = 0; k < length; k++ )
		{
			final long step = k - length / 2;
			xs[ k ] = alongX ? step : roundAway( step * dx / dy );
			ys[ k ] = alongX ? roundAway( step * dy / dx ) : step;
			minX = Math.min( minX, xs[ k ] );
			maxX = Math.max( maxX, xs[ k ] );
			minY = Math.min( minY, ys[ k ] );
			maxY = Math.max( maxY, ys[ k ] );
		}
		final int width = ( int ) ( maxX - minX + 1 ), height = ( int ) ( maxY - minY + 1 );
		final double[] weights = new double[ width * height ];
		for ( int k = 0; k < length; k++ )
			weights[ ( int ) ( ( ys[ k ] - minY ) * width + xs[ k ] - minX ) ] = 1.0 / length;
		return Kernel.of( weights, width, height ).withCentre( ( int ) -minX, ( int ) -minY );
	}

	// -- Helpers --

	private static long roundAway( final double v )
	{
		return ( long ) ( Math.signum( v ) * Math.floor( Math.abs( v ) + 0.5 ) );
	}

	private static int whole( final double value, final String name, final String what )
	{
		if ( value != Math.rint( value ) || value < 1 || value > Integer.MAX_VALUE )
			throw new IllegalArgumentException( "The " + what + " of a " + name
					+ " kernel must be a whole number of at least 1, got " + number( value )
					+ "." );
		return ( int ) value;
	}

	private static int checkedCount( final int[] dims, final String name )
	{
		long count = 1;
		for ( final int d : dims )
		{
			count *= d;
			if ( count > MAX_ELEMENTS )
				throw new IllegalArgumentException( "That " + name + " kernel would have more"
						+ " than " + MAX_ELEMENTS + " weights; choose a smaller size." );
		}
		return ( int ) count;
	}

	private static double argument( final String word, final Preset preset )
	{
		try
		{
			final double value = Double.parseDouble( word );
			if ( Double.isFinite( value ) )
				return value;
		}
		catch ( final NumberFormatException e )
		{
			// reported below, with the right form
		}
		throw new IllegalArgumentException( "'" + word + "' is not a number. The kernel '"
				+ preset.syntax.split( " " )[ 0 ] + "' is written " + preset.syntax
				+ ", for example \"" + preset.example + "\"." );
	}

	private static String moreAxes( final Preset preset )
	{
		return preset.maxArguments > preset.minArguments
				? " (or one number per axis, up to " + preset.maxArguments + ")" : "";
	}

	private static String number( final double v )
	{
		return v == Math.rint( v ) ? Long.toString( ( long ) v ) : Double.toString( v );
	}

	private static void fixed( final String name, final String text )
	{
		final Kernel kernel = KernelText.parse( text );
		PRESETS.put( name, new Preset( name, name, 0, 0, arguments -> kernel ) );
	}

	/** A preset's form, an example, how many numbers it takes, and how to build it. */
	private static final class Preset
	{
		final String syntax;

		final String example;

		final int minArguments;

		final int maxArguments;

		final Function< double[], Kernel > build;

		Preset( final String syntax, final String example, final int minArguments,
				final int maxArguments, final Function< double[], Kernel > build )
		{
			this.syntax = syntax;
			this.example = example;
			this.minArguments = minArguments;
			this.maxArguments = maxArguments;
			this.build = build;
		}
	}
}
