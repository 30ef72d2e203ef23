package io.github.ndfilters.ij1;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import ij.Macro;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.BoundaryConditions;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.LinearFilter;
import io.github.ndfilters.core.Method;
import io.github.ndfilters.core.Operation;
import io.github.ndfilters.core.OutputSize;
import io.github.ndfilters.core.OutputType;

/**
 * The settings of the ImageJ 1.x commands, under the keys that macros use:
 * {@code image}, {@code kernel}, {@code boundary}, {@code value},
 * {@code output}, {@code type}, {@code normalize}, {@code center} and
 * {@code method}. Every key but {@code kernel} has a default.
 * <p>
 * A line may also carry {@code kernelimage}, the dialog's Kernel image list:
 * when it names an image, that image is the kernel and {@code kernel} is not
 * needed; when it is {@code (use the kernel text)} or absent, {@code kernel}
 * is read. (The dialog itself records a picked image as {@code kernel}.)
 * </p>
 * <p>
 * {@link #fromMacro} reads a macro's option string. A boolean may be written
 * as a bare key, as ImageJ 1.x records it ({@code normalize}), or with a value,
 * as Fiji records it ({@code normalize=true}); both mean the same.
 * </p>
 */
public final class FilterOptions
{
	static final String[] OUTPUT_SIZES = { "same", "full", "valid" };

	static final String[] TYPES = { OutputType.FLOAT32.token(), OutputType.INPUT.token() };

	/** Bracketed values, removed before looking for bare keys inside them. */
	private static final Pattern BRACKETS = Pattern.compile( "\\[[^\\]]*\\]" );

	/** Every key a macro line may carry. */
	private static final List< String > KEYS = List.of( "image", "kernel", "kernelimage",
			"boundary", "value", "output", "type", "normalize", "center", "method" );

	/** Title of the image to filter; {@code null} for the active image. */
	final String image;

	final String kernel;

	/** Title of the image picked as the kernel; {@code null} to read {@link #kernel}. */
	final String kernelImage;

	final Boundary boundary;

	final double value;

	final OutputSize output;

	final boolean keepType;

	final boolean normalize;

	final String center;

	final Method method;

	FilterOptions( final String image, final String kernel, final String kernelImage,
			final Boundary boundary, final double value, final OutputSize output,
			final boolean keepType, final boolean normalize, final String center,
			final Method method )
	{
		this.image = image;
		this.kernel = kernel;
		this.kernelImage = KernelResolver.picksAnImage( kernelImage ) ? kernelImage : null;
		this.boundary = boundary;
		this.value = value;
		this.output = output;
		this.keepType = keepType;
		this.normalize = normalize;
		this.center = center;
		this.method = method;
	}

	/**
	 * Reads a macro's option string, such as
	 * {@code "image=cells.tif kernel=[1 2 1] boundary=mirror"}.
	 *
	 * @throws IllegalArgumentException
	 *             for a missing kernel, a key that is not one of these, or a
	 *             value that is not allowed, naming the allowed ones
	 */
	public static FilterOptions fromMacro( final String options )
	{
		final String o = options == null ? "" : options;
		requireKnownKeys( o );
		final String image = Macro.getValue( o, "image", null );
		final String kernel = Macro.getValue( o, "kernel", null );
		final String kernelImage = Macro.getValue( o, "kernelimage", null );
		if ( kernel == null && !KernelResolver.picksAnImage( kernelImage ) )
			throw new IllegalArgumentException( "The macro gives no kernel. Add kernel=[...] with"
					+ " numbers, a preset such as kernel=sobel-x, or the title of an open image." );
		return fromForm( image, kernel, kernelImage,
				Macro.getValue( o, "boundary", Boundary.SYMMETRIC.token() ),
				Macro.getValue( o, "value", "0" ), Macro.getValue( o, "output", "same" ),
				Macro.getValue( o, "type", OutputType.FLOAT32.token() ), flag( o, "normalize" ),
				Macro.getValue( o, "center", "" ),
				Macro.getValue( o, "method", Method.AUTO.token() ) );
	}

	/**
	 * Reads the options as a form holds them, in words, for the macro reader
	 * and the SciJava commands alike.
	 *
	 * @param image
	 *            title of the image to filter, or {@code null} for the active one
	 * @param kernelImage
	 *            title of an image picked as the kernel, or {@code null}
	 * @param value
	 *            the constant for {@code boundary=constant}, as typed
	 * @throws IllegalArgumentException
	 *             for a word or number that is not allowed, naming the allowed
	 *             ones
	 */
	public static FilterOptions fromForm( final String image, final String kernel,
			final String kernelImage, final String boundary, final String value,
			final String output, final String type, final boolean normalize,
			final String center, final String method )
	{
		// NB: a constant that is not finite is refused by BoundaryConditions when the
		// filter is built.
		return new FilterOptions( image, kernel, kernelImage, Boundary.fromToken( boundary ),
				value( value ), OutputSize.fromToken( output ), keepType( type ), normalize,
				center == null ? "" : center, Method.fromToken( method ) );
	}

	/**
	 * NB: ImageJ ignores a key no command asks for, so a misspelt key would
	 * silently leave its option at the default; these commands refuse it.
	 */
	private static void requireKnownKeys( final String options )
	{
		final String outside = BRACKETS.matcher( options ).replaceAll( "[]" ).strip();
		if ( outside.isEmpty() )
			return;
		for ( final String word : outside.split( "\\s+" ) )
		{
			final int equals = word.indexOf( '=' );
			final String key = equals < 0 ? word : word.substring( 0, equals );
			if ( !KEYS.contains( key ) )
				throw new IllegalArgumentException( "Unknown option '" + key + "'. The options"
						+ " are " + String.join( ", ", KEYS ) + "; check the spelling (keys are"
						+ " lower case) and put values with spaces in brackets." );
		}
	}

	/**
	 * @param text
	 *            the constant for the {@code constant} boundary, as typed;
	 *            empty means 0
	 * @return the number it holds
	 * @throws IllegalArgumentException
	 *             if it is not a number
	 */
	static double value( final String text )
	{
		if ( text == null || text.isBlank() )
			return 0;
		try
		{
			return Double.parseDouble( text.strip() );
		}
		catch ( final NumberFormatException e )
		{
			throw new IllegalArgumentException( "value=" + text + " is not a number. Give the"
					+ " constant beyond the edge as a number, such as value=0." );
		}
	}

	/**
	 * @param type
	 *            {@code 32-bit} or {@code input}
	 * @return {@code true} for type {@code input}, {@code false} for 32-bit
	 * @throws IllegalArgumentException
	 *             for any other type
	 */
	static boolean keepType( final String type )
	{
		final String wanted = type == null ? "" : type.strip();
		if ( OutputType.FLOAT32.token().equalsIgnoreCase( wanted ) )
			return false;
		if ( OutputType.INPUT.token().equalsIgnoreCase( wanted ) )
			return true;
		// NB: 64-bit is a type of the core, but not of ImageJ images, so it is named here.
		final String why = wanted.equalsIgnoreCase( OutputType.FLOAT64.token() )
				? "; ImageJ images hold no 64-bit values" : "";
		throw new IllegalArgumentException( "type=" + type + " is not a choice. Use type=32-bit"
				+ " or type=input (the input's own pixel type)" + why + "." );
	}

	/**
	 * Reads a boolean written either as a bare key or as {@code key=true} or
	 * {@code key=false}.
	 */
	static boolean flag( final String options, final String key )
	{
		final String value = Macro.getValue( options, key, null );
		if ( value == null )
		{
			final String outside = BRACKETS.matcher( options ).replaceAll( "[]" );
			return Pattern.compile( "(^|\\s)" + key + "(\\s|$)" ).matcher( outside ).find();
		}
		switch ( value.trim().toLowerCase( Locale.ROOT ) )
		{
		case "true":
			return true;
		case "false":
			return false;
		default:
			throw new IllegalArgumentException( key + "=" + value + " is not allowed; write "
					+ key + "=true, " + key + "=false, or just " + key + " for true." );
		}
	}

	/**
	 * Builds the filter these options describe.
	 *
	 * @throws IllegalArgumentException
	 *             if the kernel or the center cannot be read
	 */
	public LinearFilter filter( final Operation operation )
	{
		final Kernel k = KernelCenter.apply( KernelResolver.resolve( kernel, kernelImage ),
				center );
		final BoundaryConditions edges = boundary == Boundary.CONSTANT
				? BoundaryConditions.constant( value ) : BoundaryConditions.of( boundary );
		return LinearFilter.of( operation, k ).boundary( edges ).outputSize( output )
				.normalize( normalize ).method( method );
	}

	/** @return the title of the image to filter, or {@code null} for the active one */
	public String image()
	{
		return image;
	}

	/** @return the title of the picked kernel image, or else the kernel field */
	public String kernel()
	{
		return kernelImage != null ? kernelImage : kernel;
	}

	public boolean keepType()
	{
		return keepType;
	}
}
